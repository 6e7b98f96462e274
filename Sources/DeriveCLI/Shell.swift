/// The shells `derive --generate-completion-script` writes a completion script for.
enum Shell: String, CaseIterable, Sendable {
    /// GNU bash, through `complete -F`.
    case bash
    /// zsh, through `_arguments`.
    case zsh
    /// fish, through `complete -c`.
    case fish
}
