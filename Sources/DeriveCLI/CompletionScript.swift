/// A completion script for one shell, written from the option table, so it completes exactly the options
/// `--help` lists: every flag, the values of options with a fixed set of values, and paths where a path goes.
///
/// Install it as the shell expects, e.g. `derive --generate-completion-script bash > /etc/bash_completion.d/derive`,
/// `… zsh > ~/.zsh/completions/_derive`, `… fish > ~/.config/fish/completions/derive.fish`.
struct CompletionScript {
    /// The shell the script is for.
    let shell: Shell

    /// The script.
    var text: String {
        switch shell {
        case .bash: return bash
        case .zsh: return zsh
        case .fish: return fish
        }
    }

    // MARK: - bash

    private var bash: String {
        var cases = ""
        for option in Option.allCases where option.valueName != nil {
            let reply: String
            if let choices = option.choices {
                reply = "COMPREPLY=($(compgen -W \"\(choices.joined(separator: " "))\" -- \"$cur\"))"
            } else if option.takesPath {
                reply = "COMPREPLY=($(compgen -f -- \"$cur\"))"
            } else {
                reply = "COMPREPLY=()"
            }
            cases += "        \(option.flag)) \(reply); return ;;\n"
        }
        return """
            # bash completion for derive, written by `derive --generate-completion-script bash`.
            _derive() {
                local cur prev
                cur="${COMP_WORDS[COMP_CWORD]}"
                prev="${COMP_WORDS[COMP_CWORD-1]}"
                case "$prev" in
            \(cases)    esac
                COMPREPLY=($(compgen -W "\(Option.allCases.map(\.flag).joined(separator: " "))" -- "$cur"))
            }
            complete -F _derive derive

            """
    }

    // MARK: - zsh

    private var zsh: String {
        var specs = ""
        for option in Option.allCases {
            var spec = "'" + option.flag + "[" + Self.zshEscaped(option.summary) + "]"
            if let value = option.valueName {
                let action: String
                if let choices = option.choices {
                    action = "(" + choices.joined(separator: " ") + ")"
                } else {
                    action = option.takesPath ? "_files" : " "
                }
                spec += ":" + Self.zshEscaped(value) + ":" + action
            }
            specs += "    " + spec + "' \\\n"
        }
        return """
            #compdef derive
            # zsh completion for derive, written by `derive --generate-completion-script zsh`.
            _arguments -s \\
            \(specs)    && return 0

            """
    }

    /// The text with the characters special inside an `_arguments` spec escaped: `'` closes the spec's
    /// quotes, `[ ] :` end its parts.
    private static func zshEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "'": result += "'\\''"
            case "[", "]", ":", "\\": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }

    // MARK: - fish

    private var fish: String {
        var lines = "# fish completion for derive, written by `derive --generate-completion-script fish`.\n"
        for option in Option.allCases {
            var line = "complete -c derive -l " + option.flag.dropFirst(2)
            if option.valueName != nil {
                line += option.takesPath ? " -r -F" : " -r -f"
                if let choices = option.choices { line += " -a '" + choices.joined(separator: " ") + "'" }
            } else {
                line += " -f"
            }
            line += " -d " + Self.fishQuoted(option.summary)
            lines += line + "\n"
        }
        return lines
    }

    /// The text in single quotes for fish, whose single-quoted strings escape only `\` and `'`.
    private static func fishQuoted(_ text: String) -> String {
        "'" + text.replacingScalars(["\\": "\\\\", "'": "\\'"]) + "'"
    }
}
