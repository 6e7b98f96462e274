/// One lexical unit of an expression, with the column it starts at.
package struct Token: Sendable, Equatable {
    /// What a token is.
    package enum Kind: Sendable, Equatable {
        /// A number such as `2`, `0.5`, `.5` or `1e-3`.
        case number(Double)
        /// A variable or function name: a letter or `_`, then letters, digits and `_`.
        case identifier(String)
        /// `+`.
        case plus
        /// `-`, binary or unary.
        case minus
        /// `*`.
        case times
        /// `/`.
        case divide
        /// `^`.
        case power
        /// `(`.
        case leftParenthesis
        /// `)`.
        case rightParenthesis
    }

    /// What the token is.
    package let kind: Kind
    /// The characters of the token as typed.
    package let text: String
    /// The 1-based column of the token's first character.
    package let column: Int

    /// A token of kind `kind` typed as `text` at `column`.
    package init(kind: Kind, text: String, column: Int) {
        self.kind = kind
        self.text = text
        self.column = column
    }
}
