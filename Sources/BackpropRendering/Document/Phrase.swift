import BackpropKit

/// A piece of prose mixing words and mathematics, written by each formatter in its own syntax.
package enum Phrase: Sendable, Equatable {
    /// Words, escaped by the formatter.
    case text(String)
    /// A formula, printed inline.
    case math(Expression)
    /// A layer label such as `n-1`, set as mathematics.
    case layer(String)
    /// A formula given ready-made for each syntax, for mathematics the expression tree does not model.
    case typeset(unicode: String, latex: String)
    /// A command line, set as code.
    case code(String)
}
