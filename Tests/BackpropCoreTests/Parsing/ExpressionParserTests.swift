import BackpropCore
import Foundation
import Testing

/// The grammar of `--expr`: numbers, names, precedence and associativity, functions, and every error with its column.
@Suite struct ExpressionParserTests {
    let a = Expression.of(.variable("a"))
    let b = Expression.of(.variable("b"))
    let c = Expression.of(.variable("c"))

    func parse(_ source: String) throws -> Expression { try ExpressionParser.parse(source) }

    // MARK: - Tokens

    @Test func lexerReadsNumbersNamesAndOperators() throws {
        let tokens = try Lexer.tokens(in: " 1e-3*x_1 + .5^(b2)-3.25E+2 ")
        #expect(tokens.map(\.kind) == [.number(0.001), .times, .identifier("x_1"), .plus, .number(0.5), .power, .leftParenthesis,
                                       .identifier("b2"), .rightParenthesis, .minus, .number(325)])
        #expect(tokens.map(\.column) == [2, 6, 7, 11, 13, 15, 16, 17, 19, 20, 21])
    }

    @Test func anEWithoutDigitsEndsTheNumber() throws {
        #expect(try Lexer.tokens(in: "2e").map(\.kind) == [.number(2), .identifier("e")])
        #expect(try Lexer.tokens(in: "1.").map(\.kind) == [.number(1)])
    }

    // MARK: - Structure

    @Test func thePostsExample() throws {
        #expect(try parse("(a+b)*(b+1)") == .product([.sum([a, b]), .sum([b, 1])]))
    }

    @Test func productsBindTighterThanSums() throws {
        #expect(try parse("a+b*c") == .sum([a, .product([b, c])]))
        #expect(try parse("a*b+c") == .sum([.product([a, b]), c]))
        #expect(try parse("a-b/c") == .sum([a, .negation(.quotient(b, c))]))
    }

    @Test func runsOfPlusMinusAndTimesAreOneNode() throws {
        #expect(try parse("a+b-c+1") == .sum([a, b, .negation(c), 1]))
        #expect(try parse("a*b*c") == .product([a, b, c]))
    }

    @Test func parenthesesKeepTheirGroups() throws {
        #expect(try parse("a+(b+c)") == .sum([a, .sum([b, c])]))
        #expect(try parse("(a*b)*c") == .product([.product([a, b]), c]))
        #expect(try parse("((((a))))") == a)
    }

    @Test func divisionAndSubtractionAssociateLeft() throws {
        #expect(try parse("a/b/c") == .quotient(.quotient(a, b), c))
        #expect(try parse("a/b*c") == .product([.quotient(a, b), c]))
        #expect(try parse("a*b/c") == .quotient(.product([a, b]), c))
    }

    @Test func powerAssociatesRight() throws {
        #expect(try parse("a^b^c") == .power(a, .power(b, c)))
        #expect(try parse("(a^b)^c") == .power(.power(a, b), c))
    }

    @Test func unaryMinusBindsLooserThanPower() throws {
        #expect(try parse("-a^2") == .negation(.power(a, 2)))
        #expect(try parse("(-a)^2") == .power(.negation(a), 2))
        #expect(try parse("2^-1") == .power(2, .negation(1)))
        #expect(try parse("a^-b^c") == .power(a, .negation(.power(b, c))))
    }

    @Test func unaryMinusBindsTighterThanProducts() throws {
        #expect(try parse("-a*b") == .product([.negation(a), b]))
        #expect(try parse("a*-b") == .product([a, .negation(b)]))
        #expect(try parse("--a") == .negation(.negation(a)))
        #expect(try parse("a - -b") == .sum([a, .negation(.negation(b))]))
    }

    @Test(arguments: ExpressionParser.functions)
    func everyFunctionApplies(_ function: ElementaryFunction) throws {
        #expect(try parse("\(function.rawValue)(a+1)") == .apply(function, .sum([a, 1])))
    }

    @Test func functionsNest() throws {
        #expect(try parse("exp(-log(a))*2") == .product([.apply(.exp, .negation(.apply(.log, a))), 2]))
    }

    @Test func whitespaceIsIgnored() throws {
        #expect(try parse(" ( a +\tb ) *\n( b + 1 ) ") == parse("(a+b)*(b+1)"))
    }

    // MARK: - Errors

    struct BadSource: Sendable, CustomTestStringConvertible {
        let source: String
        let reason: ExpressionParseError.Reason
        let column: Int
        var testDescription: String { "'\(source)'" }
    }

    static let badSources: [BadSource] = [
        BadSource(source: "", reason: .empty, column: 1),
        BadSource(source: "   ", reason: .empty, column: 1),
        BadSource(source: "a + #", reason: .unexpectedCharacter("#"), column: 5),
        BadSource(source: "2 * α", reason: .unexpectedCharacter("α"), column: 5),
        BadSource(source: "a, b", reason: .unexpectedCharacter(","), column: 2),
        BadSource(source: "1e999 * a", reason: .numberOutOfRange("1e999"), column: 1),
        BadSource(source: "a +", reason: .expectedOperand(found: nil), column: 4),
        BadSource(source: "(a+b)*)", reason: .expectedOperand(found: ")"), column: 7),
        BadSource(source: "a ** b", reason: .expectedOperand(found: "*"), column: 4),
        BadSource(source: "+a", reason: .expectedOperand(found: "+"), column: 1),
        BadSource(source: "()", reason: .expectedOperand(found: ")"), column: 2),
        BadSource(source: "2a", reason: .expectedOperator(found: "a"), column: 2),
        BadSource(source: "a b", reason: .expectedOperator(found: "b"), column: 3),
        BadSource(source: "(a+b)(b+1)", reason: .expectedOperator(found: "("), column: 6),
        BadSource(source: "a+b)", reason: .unmatchedClosingParenthesis, column: 4),
        BadSource(source: "(a+b", reason: .unclosedParenthesis, column: 1),
        BadSource(source: "exp(a", reason: .unclosedParenthesis, column: 4),
        BadSource(source: "a * foo(b)", reason: .unknownFunction("foo"), column: 5),
        BadSource(source: "a(b)", reason: .unknownFunction("a"), column: 1),
        BadSource(source: "exp + 1", reason: .missingArgument(function: "exp"), column: 1),
        BadSource(source: "2 * sqrt", reason: .missingArgument(function: "sqrt"), column: 5),
    ]

    @Test(arguments: badSources)
    func errorNamesTheProblemAndItsColumn(_ bad: BadSource) {
        #expect(throws: ExpressionParseError(bad.reason, column: bad.column)) { try ExpressionParser.parse(bad.source) }
    }

    @Test func messagesNameTheColumn() {
        #expect(ExpressionParseError(.expectedOperand(found: ")"), column: 7).description
                == "expected a number, a variable or '(' but found ')' at column 7")
        #expect(ExpressionParseError(.unknownFunction("foo"), column: 5).description.hasPrefix("unknown function 'foo' at column 5 (the functions are exp, log,"))
    }

    // MARK: - Long and deep input

    /// A hundred thousand terms, which a parser quadratic in the length would take minutes on (the suite's
    /// budget catches that; times are measured in `Scripts/benchmark`, never in a unit test).
    @Test func aHundredThousandTermsParse() throws {
        let source = Array(repeating: "a", count: 100_000).joined(separator: "+")
        let expression = try parse(source)
        guard case .sum(let terms) = expression else { Issue.record("expected a sum"); return }
        #expect(terms.count == 100_000)
    }

    @Test func tenThousandParenthesesAroundAnOperandParse() throws {
        let source = String(repeating: "(", count: 10_000) + "a+1" + String(repeating: ")", count: 10_000)
        #expect(try parse(source) == .sum([a, 1]))
    }

    @Test func nestingBeyondTheLimitIsRefusedWithItsColumn() {
        let depth = ExpressionParser.maximumDepth
        let source = String(repeating: "(1+", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        #expect(throws: ExpressionParseError(.tooDeep(limit: depth), column: 3 * (10_000 - depth - 1) + 3)) { try ExpressionParser.parse(source) }
        #expect(throws: ExpressionParseError.self) { try ExpressionParser.parse(String(repeating: "-", count: 10_000) + "a") }
        #expect(throws: ExpressionParseError.self) { try ExpressionParser.parse(String(repeating: "sin(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)) }
        #expect(throws: ExpressionParseError.self) { try ExpressionParser.parse(Array(repeating: "a", count: 10_000).joined(separator: "^")) }
    }

    /// Exactly ``ExpressionParser/maximumDepth`` nested operations are accepted, one more is refused.
    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = ExpressionParser.maximumDepth
        var expression = try parse(String(repeating: "-", count: depth) + "a")
        var operations = 0
        while case .negation(let inner) = expression {
            expression = inner
            operations += 1
        }
        #expect(operations == depth)
        #expect(try parse(String(repeating: "(1+", count: depth) + "a" + String(repeating: ")", count: depth)) != a)
        #expect(throws: ExpressionParseError(.tooDeep(limit: depth), column: 1)) {
            try ExpressionParser.parse(String(repeating: "-", count: depth + 1) + "a")
        }
    }
}
