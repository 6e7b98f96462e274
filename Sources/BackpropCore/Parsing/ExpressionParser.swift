/// Parses an expression such as `(a+b)*(b+1)` into an ``Expression`` tree that keeps the structure typed.
///
/// The grammar, loosest binding first:
///
///     expression = term { ("+" | "-") term }
///     term       = factor { ("*" | "/") factor }
///     factor     = "-" factor | power
///     power      = primary [ "^" factor ]
///     primary    = number | variable | function "(" expression ")" | "(" expression ")"
///
/// so `-a^2` is −(a²), `a^b^c` is a^(b^c), `2^-1` is 2^(−1), and `a-b-c` is (a − b) − c. A run of `+` and `-`
/// becomes one ``Expression/sum(_:)`` (a subtracted term as a ``Expression/negation(_:)``) and a run of `*` one
/// ``Expression/product(_:)``; parentheses keep their groups. The trees are not simplified: `2*3` stays a product.
///
/// The parser works with explicit stacks (operator precedence, as in Dijkstra's shunting yard), so no input
/// can overflow the call stack, and it refuses trees nested deeper than ``maximumDepth``, which keeps every
/// recursive walk of the result (evaluation, printing, releasing it) shallow.
public enum ExpressionParser {
    /// The deepest nesting of operations accepted. Parentheses around a single operand do not nest.
    public static let maximumDepth = 1_000

    /// The functions of the grammar, by the names they are written with.
    package static let functions = ElementaryFunction.allCases.filter(\.isWrittenInExpressions)

    /// The expression written in `source`.
    /// - Throws: ``ExpressionParseError`` naming the problem and its column.
    public static func parse(_ source: String) throws(ExpressionParseError) -> Expression {
        var parser = OperatorPrecedenceParser(tokens: try Lexer.tokens(in: source), endColumn: source.count + 1)
        return try parser.parse()
    }
}

// MARK: - Implementation

/// The state of one parse: a stack of operands and a stack of operators waiting for their right operand.
private struct OperatorPrecedenceParser {
    /// A binary operator.
    enum BinaryOperator { case add, subtract, multiply, divide, power }

    /// An operation waiting for its last operand.
    enum Operation: Equatable {
        case binary(BinaryOperator)
        case negation

        /// Higher binds tighter: `+ -` 1, `* /` 2, unary minus 3, `^` 4.
        var precedence: Int {
            switch self {
            case .binary(.add), .binary(.subtract): return 1
            case .binary(.multiply), .binary(.divide): return 2
            case .negation: return 3
            case .binary(.power): return 4
            }
        }
    }

    /// What waits on the operator stack.
    enum Pending {
        /// An operation typed at `column`.
        case operation(Operation, column: Int)
        /// An open parenthesis, the argument list of `function` when there is one.
        case group(column: Int, function: (ElementaryFunction, column: Int)?)
    }

    /// A run of terms joined by `+`/`-` or of factors joined by `*`, still open to more.
    enum Chain { case sum, product }

    /// A parsed operand: an expression, or an open chain whose first part is `first`.
    struct Operand {
        var first: Expression
        var rest: [Expression] = []
        var chain: Chain?
        /// The depth of the tree ``expression`` builds: 1 for a number or variable, one more for each
        /// operation nested around it.
        var depth: Int

        var expression: Expression {
            switch chain {
            case .sum?: return .sum([first] + rest)
            case .product?: return .product([first] + rest)
            case nil: return first
            }
        }

        /// The operand as a closed expression, no longer extended by a following `+` or `*`.
        var closed: Operand { Operand(first: expression, depth: depth) }
    }

    let tokens: [Token]
    let endColumn: Int
    var operands: [Operand] = []
    var pending: [Pending] = []

    init(tokens: [Token], endColumn: Int) {
        self.tokens = tokens
        self.endColumn = endColumn
    }

    mutating func parse() throws(ExpressionParseError) -> Expression {
        guard !tokens.isEmpty else { throw ExpressionParseError(.empty, column: 1) }
        var expectsOperand = true
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if expectsOperand {
                switch token.kind {
                case .number(let value):
                    operands.append(Operand(first: .constant(value), depth: 1))
                    expectsOperand = false
                case .identifier(let name):
                    let opensParenthesis = index < tokens.count && tokens[index].kind == .leftParenthesis
                    if let function = ExpressionParser.functions.first(where: { $0.rawValue == name }) {
                        guard opensParenthesis else { throw ExpressionParseError(.missingArgument(function: name), column: token.column) }
                        pending.append(.group(column: tokens[index].column, function: (function, token.column)))
                        index += 1
                    } else if opensParenthesis {
                        throw ExpressionParseError(.unknownFunction(name), column: token.column)
                    } else {
                        operands.append(Operand(first: .symbol(.variable(name)), depth: 1))
                        expectsOperand = false
                    }
                case .minus:
                    pending.append(.operation(.negation, column: token.column))
                case .leftParenthesis:
                    pending.append(.group(column: token.column, function: nil))
                default:
                    throw ExpressionParseError(.expectedOperand(found: token.text), column: token.column)
                }
            } else {
                switch token.kind {
                case .plus: try push(.add, column: token.column)
                case .minus: try push(.subtract, column: token.column)
                case .times: try push(.multiply, column: token.column)
                case .divide: try push(.divide, column: token.column)
                case .power: try push(.power, column: token.column)
                case .rightParenthesis:
                    try closeGroup(at: token.column)
                    continue
                default:
                    throw ExpressionParseError(.expectedOperator(found: token.text), column: token.column)
                }
                expectsOperand = true
            }
        }
        if expectsOperand { throw ExpressionParseError(.expectedOperand(found: nil), column: endColumn) }
        while let top = pending.popLast() {
            switch top {
            case .operation(let operation, let column): try apply(operation, column: column)
            case .group(let column, _): throw ExpressionParseError(.unclosedParenthesis, column: column)
            }
        }
        return operands.removeLast().expression
    }

    /// Applies every waiting operation that binds at least as tightly as `operator` (more tightly, for the
    /// right-associative `^`), then waits with `operator` for its right operand.
    private mutating func push(_ operator: BinaryOperator, column: Int) throws(ExpressionParseError) {
        let precedence = Operation.binary(`operator`).precedence
        while case .operation(let waiting, let waitingColumn)? = pending.last,
              waiting.precedence > precedence || (waiting.precedence == precedence && `operator` != .power) {
            pending.removeLast()
            try apply(waiting, column: waitingColumn)
        }
        pending.append(.operation(.binary(`operator`), column: column))
    }

    /// Applies the waiting operations back to the innermost open parenthesis, then closes it.
    private mutating func closeGroup(at column: Int) throws(ExpressionParseError) {
        while let top = pending.popLast() {
            switch top {
            case .operation(let operation, let operationColumn):
                try apply(operation, column: operationColumn)
            case .group(_, let function?):
                let argument = operands.removeLast()
                let application = Expression.application(.elementary(function.0), [argument.expression])
                try append(Operand(first: application, depth: argument.depth + 1), column: function.column)
                return
            case .group(_, nil):
                operands.append(operands.removeLast().closed)
                return
            }
        }
        throw ExpressionParseError(.unmatchedClosingParenthesis, column: column)
    }

    /// Applies `operation`, typed at `column`, to the operands on top of the stack.
    private mutating func apply(_ operation: Operation, column: Int) throws(ExpressionParseError) {
        switch operation {
        case .negation:
            let operand = operands.removeLast()
            try append(Operand(first: .negation(operand.expression), depth: operand.depth + 1), column: column)
        case .binary(let binary):
            let right = operands.removeLast()
            var left = operands.removeLast()
            switch binary {
            case .add, .subtract:
                let term = binary == .add ? right.expression : .negation(right.expression)
                let termDepth = binary == .add ? right.depth : right.depth + 1
                if left.chain == .sum {
                    left.rest.append(term)
                    left.depth = max(left.depth, termDepth + 1)
                    try append(left, column: column)
                } else {
                    try append(Operand(first: left.expression, rest: [term], chain: .sum, depth: max(left.depth, termDepth) + 1), column: column)
                }
            case .multiply:
                if left.chain == .product {
                    left.rest.append(right.expression)
                    left.depth = max(left.depth, right.depth + 1)
                    try append(left, column: column)
                } else {
                    try append(Operand(first: left.expression, rest: [right.expression], chain: .product, depth: max(left.depth, right.depth) + 1),
                               column: column)
                }
            case .divide:
                try append(Operand(first: .quotient(left.expression, right.expression), depth: max(left.depth, right.depth) + 1), column: column)
            case .power:
                try append(Operand(first: .power(left.expression, right.expression), depth: max(left.depth, right.depth) + 1), column: column)
            }
        }
    }

    /// Pushes `operand`, refusing it when it nests more than ``ExpressionParser/maximumDepth`` operations:
    /// its tree is one level deeper than its operations, for the number or variable at the bottom.
    private mutating func append(_ operand: Operand, column: Int) throws(ExpressionParseError) {
        guard operand.depth - 1 <= ExpressionParser.maximumDepth else {
            throw ExpressionParseError(.tooDeep(limit: ExpressionParser.maximumDepth), column: column)
        }
        operands.append(operand)
    }
}
