/// A piece of prose mixing words and mathematics, written by each renderer in its own syntax.
public enum Phrase: Sendable, Equatable {
    /// Words, escaped by the renderer.
    case text(String)
    /// A formula, printed inline.
    case math(Expression)
    /// A layer label such as `n-1`, set as mathematics.
    case layer(String)
}
