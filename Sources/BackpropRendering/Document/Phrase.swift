import BackpropKit

/// A piece of prose mixing words and mathematics, written by each formatter in its own syntax.
package enum Phrase: Sendable, Equatable {
    /// Words, escaped by the formatter.
    case text(String)
    /// A formula, printed inline.
    case math(Expression)
    /// An equation `left = right`, printed inline as one formula.
    case equation(Expression, Expression)
    /// A layer label such as `n-1`, set as mathematics.
    case layer(String)
    /// A command line, set as code.
    case code(String)
    /// A vector or matrix of the matrix form, named through the notation and set as mathematics.
    case matrix(MatrixQuantity)
}
