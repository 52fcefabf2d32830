package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
)

const completionHelp = `Usage: alboran completion bash|zsh|fish

Prints a script that completes alboran's commands and each command's flags in the shell;
other arguments complete as file names.

  bash:  source <(alboran completion bash)     (or save it in /etc/bash_completion.d/alboran)
  zsh:   alboran completion zsh > "${fpath[1]}/_alboran"    (then start a new shell)
  fish:  alboran completion fish > ~/.config/fish/completions/alboran.fish
`

func cmdCompletion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("completion", completionHelp, stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"completion: name the shell: bash, zsh or fish"}
	}
	cmds := completionCommands(ctx)
	switch fs.Arg(0) {
	case "bash":
		return writeBash(stdout, cmds)
	case "zsh":
		return writeZsh(stdout, cmds)
	case "fish":
		return writeFish(stdout, cmds)
	}
	return usageError{fmt.Sprintf("completion: unknown shell %q (want bash, zsh or fish)%s", fs.Arg(0), didYouMean(fs.Arg(0), []string{"bash", "zsh", "fish"}))}
}

// completionFlag is a flag as a command's help lists it.
type completionFlag struct {
	name, usage string
	value       bool // the flag takes a value
}

type completionCommand struct {
	name, summary string
	flags         []completionFlag
}

// completionCommands reads each command's flags from its help, the one place they are
// declared, so that completion cannot drift from the flags.
func completionCommands(ctx context.Context) []completionCommand {
	var out []completionCommand
	for _, c := range commands {
		cc := completionCommand{name: c.name, summary: c.summary}
		if c.run != nil {
			var help bytes.Buffer
			c.run(ctx, []string{"--help"}, strings.NewReader(""), &help, io.Discard)
			cc.flags = parseDefaults(help.String())
		}
		out = append(out, cc)
	}
	return out
}

// parseDefaults reads the options of flag.PrintDefaults: "  -name type" (no type for a
// boolean), then the usage on lines that start with four spaces and a tab.
func parseDefaults(help string) []completionFlag {
	_, opts, ok := strings.Cut(help, "\nOptions:\n")
	if !ok {
		return nil
	}
	var flags []completionFlag
	sc := bufio.NewScanner(strings.NewReader(opts))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "  -"):
			name, typ, _ := strings.Cut(strings.TrimPrefix(line, "  -"), " ")
			flags = append(flags, completionFlag{name: name, value: typ != ""})
		case strings.HasPrefix(line, "    \t") && len(flags) > 0:
			f := &flags[len(flags)-1]
			if f.usage == "" { // the first line says enough
				f.usage = strings.TrimSpace(line)
			}
		}
	}
	return flags
}

func writeBash(w io.Writer, cmds []completionCommand) error {
	var b strings.Builder
	b.WriteString("# bash completion for alboran: source <(alboran completion bash)\n_alboran() {\n")
	b.WriteString("    local cur=${COMP_WORDS[COMP_CWORD]} flags=\n")
	b.WriteString("    if [ \"$COMP_CWORD\" -eq 1 ]; then\n")
	fmt.Fprintf(&b, "        COMPREPLY=($(compgen -W %q -- \"$cur\"))\n        return\n    fi\n", strings.Join(names(cmds), " "))
	b.WriteString("    case \"${COMP_WORDS[1]}\" in\n")
	for _, c := range cmds {
		var fl []string
		for _, f := range c.flags {
			fl = append(fl, dash(f.name))
		}
		if c.name == "help" || c.name == "completion" {
			continue
		}
		fmt.Fprintf(&b, "        %s) flags=%q ;;\n", c.name, strings.Join(fl, " "))
	}
	fmt.Fprintf(&b, "        help) COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n", strings.Join(names(cmds), " "))
	b.WriteString("        completion) COMPREPLY=($(compgen -W \"bash zsh fish\" -- \"$cur\")); return ;;\n")
	b.WriteString("    esac\n")
	b.WriteString("    if [[ $cur == -* ]]; then\n        COMPREPLY=($(compgen -W \"$flags\" -- \"$cur\"))\n    fi\n}\n")
	b.WriteString("complete -o default -F _alboran alboran\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeZsh(w io.Writer, cmds []completionCommand) error {
	var b strings.Builder
	b.WriteString("#compdef alboran\n# zsh completion for alboran: alboran completion zsh > \"${fpath[1]}/_alboran\"\n\n_alboran() {\n")
	b.WriteString("    local -a commands\n    commands=(\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, "        %s\n", zshQuote(c.name+":"+strings.ReplaceAll(c.summary, ":", `\:`)))
	}
	b.WriteString("    )\n    if (( CURRENT == 2 )); then\n        _describe -t commands 'alboran command' commands\n        return\n    fi\n")
	b.WriteString("    case $words[2] in\n")
	for _, c := range cmds {
		switch c.name {
		case "help":
			b.WriteString("        help) _describe -t commands 'alboran command' commands ;;\n")
			continue
		case "completion":
			b.WriteString("        completion) _values 'shell' bash zsh fish ;;\n")
			continue
		}
		fmt.Fprintf(&b, "        %s) _arguments", c.name)
		for _, f := range c.flags {
			spec := dash(f.name) + "[" + zshBracket(f.usage) + "]"
			if f.value {
				spec += ":" + f.name + ":_files"
			}
			b.WriteString(" \\\n            " + zshQuote(spec))
		}
		b.WriteString(" \\\n            '*:file:_files' ;;\n")
	}
	b.WriteString("    esac\n}\n\n_alboran \"$@\"\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeFish(w io.Writer, cmds []completionCommand) error {
	var b strings.Builder
	b.WriteString("# fish completion for alboran: alboran completion fish > ~/.config/fish/completions/alboran.fish\n")
	b.WriteString("complete -c alboran -f -n __fish_use_subcommand\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, "complete -c alboran -f -n __fish_use_subcommand -a %s -d %s\n", c.name, fishQuote(c.summary))
	}
	fmt.Fprintf(&b, "complete -c alboran -f -n '__fish_seen_subcommand_from help' -a %s\n", fishQuote(strings.Join(names(cmds), " ")))
	b.WriteString("complete -c alboran -f -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n")
	for _, c := range cmds {
		for _, f := range c.flags {
			req := ""
			if f.value {
				req = " -r"
			}
			opt := "-l " + f.name
			if len(f.name) == 1 {
				opt = "-s " + f.name
			}
			fmt.Fprintf(&b, "complete -c alboran -n '__fish_seen_subcommand_from %s' %s%s -d %s\n", c.name, opt, req, fishQuote(f.usage))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// dash writes a flag as the help does: -o for one letter, --format for a word.
func dash(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func names(cmds []completionCommand) []string {
	out := make([]string, len(cmds))
	for i, c := range cmds {
		out[i] = c.name
	}
	return out
}

// zshQuote single-quotes s for zsh.
func zshQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// zshBracket escapes what ends or breaks an _arguments description.
func zshBracket(s string) string {
	return strings.NewReplacer("[", `\[`, "]", `\]`, ":", `\:`).Replace(s)
}

// fishQuote single-quotes s for fish, where only \ and ' are special inside quotes.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}
