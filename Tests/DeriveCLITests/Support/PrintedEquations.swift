@testable import BackpropCore
import Foundation

/// The equations a handout prints between numbers, read back from its text, LaTeX, Markdown or HTML (the
/// Unicode text of each formula's `alttext`), and re-evaluated from the printed operands the way a student with a calculator would.
///
/// Every printed step (and every formula of a picture) is split at its `=` signs; wherever a form made only
/// of numbers, operators and functions, such as `0.13 · 0.4 + 0.95 · 0.61` or `σ(0.09891)(1 − σ(0.09891))`,
/// is followed by a single number, that pair is an equation to check.
struct PrintedEquations {
    /// One printed equation: the arithmetic and the result printed after it.
    struct Equation: CustomStringConvertible {
        let arithmetic: String
        let result: String
        var description: String { "\(arithmetic) = \(result)" }
    }

    /// The equations found, matrix equations (`[a, b; c, d]`, juxtaposition the product, `⊙` the entrywise
    /// product, `ᵀ` the transpose) among them.
    private(set) var equations: [Equation] = []
    /// Forms that look numeric (digits, operators and function names only) but could not be read: a gap in
    /// this reader, reported so that no equation is skipped silently.
    private(set) var unreadable: [String] = []

    /// The equations of a handout in the given format (`text`, `latex`, `markdown` or `html`).
    init(_ document: String, format: String) {
        let steps: [String]
        switch format {
        case "text": steps = Self.textSteps(document)
        case "html": steps = Self.htmlSteps(document)
        default: steps = Self.latexSteps(document)
        }
        for step in steps {
            let forms = step.forms
            for (left, right) in zip(forms, forms.dropFirst()) {
                if let result = try? MatrixForm(right.text).value(), result.isLiteral {
                    if let arithmetic = try? MatrixForm(left.text).value() {
                        if !arithmetic.isLiteral { equations.append(Equation(arithmetic: left.text, result: right.text)) }
                    } else if left.looksNumeric {
                        unreadable.append(left.text)
                    }
                    continue
                }
                guard PrintedNumber(right.text) != nil else { continue }
                if left.isReadable {
                    if left.isArithmetic { equations.append(Equation(arithmetic: left.text, result: right.text)) }
                } else if left.looksNumeric {
                    unreadable.append(left.text)
                }
            }
        }
    }

    /// The equations that do not hold: evaluated from their printed operands, rounded to `digits` significant
    /// digits half away from zero in decimal (or, for `nil`, in double arithmetic), they give another result.
    func falseEquations(digits: Int?) -> [String] {
        equations.compactMap { equation in
            if equation.result.hasPrefix("[") { return Self.falseMatrixEquation(equation, digits: digits) }
            guard let value = try? NumericForm(equation.arithmetic).value(), let printed = PrintedNumber(equation.result) else {
                return "\(equation): cannot be evaluated"
            }
            if let digits {
                guard let exact = value.decimal else { return "\(equation): no decimal value" }
                let rounded = PrintedNumber.rounded(exact, toSignificantDigits: digits)
                return rounded == printed.decimal ? nil : "\(equation): a calculator gives \(rounded)"
            }
            return value.double == printed.double ? nil : "\(equation): double arithmetic gives \(value.double)"
        }
    }

    /// The matrix equation, if it does not hold entry by entry.
    private static func falseMatrixEquation(_ equation: Equation, digits: Int?) -> String? {
        guard let value = try? MatrixForm(equation.arithmetic).value(), let printed = try? MatrixForm(equation.result).value(),
              value.entries.count == printed.entries.count, zip(value.entries, printed.entries).allSatisfy({ $0.count == $1.count }) else {
            return "\(equation): cannot be evaluated"
        }
        for (row, printedRow) in zip(value.entries, printed.entries) {
            for (entry, printedEntry) in zip(row, printedRow) {
                if let digits {
                    guard let exact = entry.decimal, let shown = printedEntry.decimal else { return "\(equation): no decimal value" }
                    let rounded = PrintedNumber.rounded(exact, toSignificantDigits: digits)
                    if rounded != shown { return "\(equation): a calculator gives \(rounded) for \(shown)" }
                } else if entry.double != printedEntry.double {
                    return "\(equation): double arithmetic gives \(entry.double) for \(printedEntry.double)"
                }
            }
        }
        return nil
    }

    // MARK: - Steps of each format

    /// The steps of an HTML handout: the Unicode text in the `alttext` of each MathML formula.
    private static func htmlSteps(_ document: String) -> [String] {
        document.matches(of: /alttext="([^"]*)"/).map { match in
            var text = String(match.1)
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
            return UnicodeForms.ascii(text)
        }
    }

    /// The steps of a text handout: a line indented by two spaces starts one, deeper lines continue it; a step
    /// whose matrices are drawn over several lines (⎡ ⎢ ⎣) is read as pictured, one matrix `[a, b; c, d]` at a time.
    private static func textSteps(_ document: String) -> [String] {
        var blocks: [[Substring]] = []
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  ") && !line.hasPrefix("   "), line.count > 2 {
                blocks.append([line])
            } else if line.hasPrefix("   "), !blocks.isEmpty {
                blocks[blocks.count - 1].append(line)
            } else if !blocks.isEmpty, blocks[blocks.count - 1].count > 0, line.trimmingCharacters(in: .whitespaces).isEmpty {
                blocks.append([])
            }
        }
        return blocks.filter { !$0.isEmpty }.map { block in
            let lines = block.map { Array(String($0)) }
            let step: String
            if lines.contains(where: { $0.contains("⎡") || $0.contains("⎛") }) {
                step = MatrixArt.linear(lines)
            } else {
                step = block.enumerated().filter { index, line in
                    index == 0 || line.trimmingCharacters(in: .whitespaces).first.map({ "=+−".contains($0) }) == true
                }.map { $0.1.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            }
            return UnicodeForms.ascii("  " + step)
        }
    }

    /// The steps of a LaTeX or Markdown handout: every `$…$`, `$$…$$` and `align*` or `aligned` row, rows that
    /// start with `&` continuing the row before.
    private static func latexSteps(_ document: String) -> [String] {
        var steps: [String] = []
        var text = document
        for environment in ["align*", "aligned"] {
            while let begin = text.range(of: "\\begin{\(environment)}"), let end = text.range(of: "\\end{\(environment)}", range: begin.upperBound..<text.endIndex) {
                let body = String(text[begin.upperBound..<end.lowerBound])
                var rows: [String] = []
                for row in body.components(separatedBy: "\\\\") {
                    let trimmed = row.trimmingCharacters(in: .whitespacesAndNewlines)
                    if trimmed.hasPrefix("&"), !rows.isEmpty {
                        rows[rows.count - 1] += " " + trimmed
                    } else if !trimmed.isEmpty {
                        rows.append(trimmed)
                    }
                }
                steps += rows
                text.replaceSubrange(begin.lowerBound..<end.upperBound, with: " ")
            }
        }
        // What is left: display and inline math, `$$…$$` first.
        let segments = text.replacingOccurrences(of: "\\$", with: " ").replacingOccurrences(of: "$$", with: "$").components(separatedBy: "$")
        for (index, segment) in segments.enumerated() where index % 2 == 1 {
            steps.append(segment)
        }
        return steps.map { LaTeXForms.ascii($0.replacingOccurrences(of: "&", with: "")) }
    }
}

/// One side of an `=`, in the reader's ASCII syntax.
struct Form {
    let text: String

    /// Whether the form reads as arithmetic on numbers.
    var isReadable: Bool { (try? NumericForm(text).value()) != nil }
    /// Whether the form is more than a single number: it has an operation to check.
    var isArithmetic: Bool { PrintedNumber(text) == nil && isReadable }
    /// Whether the form has digits and, apart from function names, no letters: it should be readable.
    var looksNumeric: Bool {
        var rest = text
        for name in NumericForm.functionNames { rest = rest.replacingOccurrences(of: name, with: "") }
        rest = rest.replacingOccurrences(of: "e-", with: "").replacingOccurrences(of: "e+", with: "")
        return rest.contains(where: \.isNumber) && !rest.contains(where: \.isLetter) && !rest.contains("\\")
    }
}

extension String {
    /// The forms of an ASCII step, split at every `=` outside brackets.
    var forms: [Form] {
        var forms: [Form] = []
        var depth = 0
        var current = ""
        for character in self {
            switch character {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            default: break
            }
            if character == "=" && depth == 0 {
                forms.append(Form(text: current.trimmingCharacters(in: .whitespacesAndNewlines)))
                current = ""
            } else {
                current.append(character)
            }
        }
        forms.append(Form(text: current.trimmingCharacters(in: .whitespacesAndNewlines)))
        return forms
    }
}

/// A printed number: its exact decimal and the double it reads as.
struct PrintedNumber {
    let decimal: Decimal
    let double: Double

    /// A plain number such as `-0.002544` or `1.5e-7`, or `nil` for anything else.
    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isNumber || "-+.e".contains($0) }), trimmed.contains(where: \.isNumber),
              let double = Double(trimmed), let decimal = Decimal(string: trimmed) else { return nil }
        self.decimal = decimal
        self.double = double
    }

    /// `value` rounded half away from zero to `count` significant digits.
    static func rounded(_ value: Decimal, toSignificantDigits count: Int) -> Decimal {
        guard !value.isZero else { return 0 }
        var magnitude = value < 0 ? -value : value
        var exponent = 0
        while magnitude >= 10 { magnitude /= 10; exponent += 1 }
        while magnitude < 1 { magnitude *= 10; exponent -= 1 }
        var source = value
        var result = Decimal()
        NSDecimalRound(&result, &source, count - 1 - exponent, .plain)
        return result
    }
}

/// A form of numbers, operators and functions in ASCII (`0.2494 * (1 - sigmoid(0.09891))`), evaluated both
/// exactly in decimal, with transcendental functions taken in double, and in double arithmetic, left to right.
struct NumericForm {
    /// The value both ways.
    struct Value {
        /// The exact decimal value, `nil` when a number left `Decimal`'s range.
        var decimal: Decimal?
        var double: Double

        init(_ decimal: Decimal?, _ double: Double) {
            self.decimal = decimal?.isNaN == true ? nil : decimal
            self.double = double
        }

        /// The double's shortest digits as a decimal: a function value as a calculator shows it.
        init(double: Double) { self.init(Decimal(string: double.description), double) }
    }

    /// The form cannot be read.
    struct Unreadable: Error {}

    /// The functions a handout applies to numbers.
    static let functionNames = ["sigmoid", "tanh", "softplus", "lrelu", "relu", "softmax", "exp", "log", "sqrt", "abs", "step", "max", "sin", "cos"]

    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text.filter { !$0.isWhitespace })
    }

    /// The value of the whole form.
    func value() throws -> Value {
        var reader = self
        let value = try reader.expression()
        guard reader.position == reader.characters.count else { throw Unreadable() }
        return value
    }

    private var next: Character? { position < characters.count ? characters[position] : nil }

    private mutating func expression() throws -> Value {
        var total = try term()
        while let operation = next, operation == "+" || operation == "-" {
            position += 1
            let operand = try term()
            total = operation == "+"
                ? Value(total.decimal.flatMap { a in operand.decimal.map { a + $0 } }, total.double + operand.double)
                : Value(total.decimal.flatMap { a in operand.decimal.map { a - $0 } }, total.double - operand.double)
        }
        return total
    }

    private mutating func term() throws -> Value {
        var total = try unary()
        while let operation = next, operation == "*" || operation == "/" || operation == "(" || operation.isNumber || operation.isLetter {
            if operation == "*" || operation == "/" { position += 1 }
            let operand = try unary()
            if operation == "/" {
                guard operand.double != 0 else { throw Unreadable() }
                total = Value(total.decimal.flatMap { a in operand.decimal.map { a / $0 } }, total.double / operand.double)
            } else {
                total = Value(total.decimal.flatMap { a in operand.decimal.map { a * $0 } }, total.double * operand.double)
            }
        }
        return total
    }

    private mutating func unary() throws -> Value {
        if next == "-" {
            position += 1
            let operand = try unary()
            return Value(operand.decimal.map { -$0 }, -operand.double)
        }
        return try power()
    }

    private mutating func power() throws -> Value {
        let base = try primary()
        guard next == "^" else { return base }
        position += 1
        let exponent = try unary()
        guard let whole = Int(exactly: exponent.double), abs(whole) <= 64 else {
            return Value(double: Foundation.pow(base.double, exponent.double))
        }
        var decimal: Decimal? = 1
        for _ in 0..<abs(whole) { decimal = decimal.flatMap { a in base.decimal.map { a * $0 } } }
        if whole < 0 { decimal = decimal.map { 1 / $0 } }
        return Value(decimal, Foundation.pow(base.double, exponent.double))
    }

    private mutating func primary() throws -> Value {
        guard let character = next else { throw Unreadable() }
        if character == "(" {
            position += 1
            let inner = try expression()
            guard next == ")" else { throw Unreadable() }
            position += 1
            return inner
        }
        if character.isNumber || character == "." { return try number() }
        guard character.isLetter else { throw Unreadable() }
        var name = ""
        while let letter = next, letter.isLetter { name.append(letter); position += 1 }
        var index = ""
        while let digit = next, digit.isNumber { index.append(digit); position += 1 }
        guard next == "(" else { throw Unreadable() }
        position += 1
        var arguments = [try expression()]
        while next == "," {
            position += 1
            arguments.append(try expression())
        }
        guard next == ")" else { throw Unreadable() }
        position += 1
        return try Self.apply(name, index: Int(index), arguments)
    }

    private mutating func number() throws -> Value {
        var text = ""
        while let character = next, character.isNumber || character == "." { text.append(character); position += 1 }
        if next == "e", position + 1 < characters.count, characters[position + 1] == "-" || characters[position + 1].isNumber {
            text.append("e")
            position += 1
            if next == "-" { text.append("-"); position += 1 }
            while let character = next, character.isNumber { text.append(character); position += 1 }
        }
        guard let number = PrintedNumber(text) else { throw Unreadable() }
        return Value(number.decimal, number.double)
    }

    /// A function applied to its arguments: piecewise-linear ones exactly, the others as a calculator does.
    private static func apply(_ name: String, index: Int?, _ arguments: [Value]) throws -> Value {
        if name == "softmax", let index, arguments.indices.contains(index - 1) {
            return Value(double: Softmax.values(of: arguments.map(\.double))[index - 1])
        }
        if name == "max", let first = arguments.first {
            return arguments.dropFirst().reduce(first) { $1.double > $0.double ? $1 : $0 }
        }
        guard arguments.count == 1, let x = arguments.first else { throw Unreadable() }
        let slope = Decimal(string: "0.01") ?? 0
        switch name {
        case "relu": return x.double > 0 ? x : Value(0, 0)
        case "lrelu": return x.double > 0 ? x : Value(x.decimal.map { $0 * slope }, ElementaryFunction.leakySlope * x.double)
        case "abs": return x.double < 0 ? Value(x.decimal.map { -$0 }, -x.double) : x
        case "step": return x.double > 0 ? Value(1, 1) : Value(0, 0)
        default:
            let function = ElementaryFunction(rawValue: name)
            guard let function, let value = try? function.value(at: x.double) else { throw Unreadable() }
            return Value(double: value)
        }
    }
}

/// Text handouts' Unicode mathematics in the reader's ASCII syntax.
enum UnicodeForms {
    static func ascii(_ line: String) -> String {
        var text = line
        // 1.234×10⁻⁵ is one number.
        text = text.replacing(/×10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/) { match in "e" + superscriptDigits(String(match.1)) }
        text = text.replacing(/𝟙\[([^\]]*) > 0\]/) { match in "step(" + match.1 + ")" }
        text = text.replacing(/([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/) { match in "^(" + superscriptDigits(String(match.1)) + ")" }
        text = text.replacing(/softmax([₀₁₂₃₄₅₆₇₈₉]+)/) { match in "softmax" + subscriptDigits(String(match.1)) }
        text = text.replacing(/√([0-9.]+)/) { match in "sqrt(" + match.1 + ")" }
        for (unicode, ascii) in [("·", "*"), ("−", "-"), ("σ", "sigmoid"), ("√", "sqrt"), ("lrelu", "lrelu")] {
            text = text.replacingOccurrences(of: unicode, with: ascii)
        }
        return text
    }

    static func superscriptDigits(_ text: String) -> String {
        String(text.map { character in
            "⁰¹²³⁴⁵⁶⁷⁸⁹".firstIndex(of: character).map { "0123456789"["0123456789".index("0123456789".startIndex, offsetBy: "⁰¹²³⁴⁵⁶⁷⁸⁹".distance(from: "⁰¹²³⁴⁵⁶⁷⁸⁹".startIndex, to: $0))] }
                ?? (character == "⁻" ? "-" : character)
        })
    }

    static func subscriptDigits(_ text: String) -> String {
        String(text.map { character in
            "₀₁₂₃₄₅₆₇₈₉".firstIndex(of: character).map { "0123456789"["0123456789".index("0123456789".startIndex, offsetBy: "₀₁₂₃₄₅₆₇₈₉".distance(from: "₀₁₂₃₄₅₆₇₈₉".startIndex, to: $0))] }
                ?? character
        })
    }
}

/// LaTeX mathematics in the reader's ASCII syntax.
enum LaTeXForms {
    static func ascii(_ math: String) -> String {
        var text = math
        text = text.replacing(/(\d) \\times 10\^\{(-?\d+)\}/) { match in match.1 + "e" + match.2 }
        text = text.replacing(/\\mathbf\{1\}\[([^\]]*) > 0\]/) { match in "step(" + match.1 + ")" }
        text = text.replacing(/\\operatorname\{softmax\}_\{(\d+)\}/) { match in "softmax" + match.1 }
        text = text.replacing(/\\operatorname\{([a-z]+)\}/) { match in String(match.1) }
        text = text.replacing(/\\textcolor\{[a-zA-Z!0-9]*\}/) { _ in "" }
        for (latex, ascii) in [("\\cdot", "*"), ("\\left(", "("), ("\\right)", ")"), ("\\left|", "abs("), ("\\right|", ")"),
                               ("\\sigma", "sigmoid"), ("\\tanh", "tanh"), ("\\log", "log"), ("\\exp", "exp"), ("\\max", "max"),
                               ("\\sqrt", "sqrt"), ("\\quad", " "), ("\\,", " "), ("\\allowbreak", " ")] {
            text = text.replacingOccurrences(of: latex, with: ascii)
        }
        text = fractions(in: text)
        return text.replacingOccurrences(of: "{", with: "(").replacingOccurrences(of: "}", with: ")")
    }

    /// `\frac{a}{b}` as `((a)/(b))`.
    private static func fractions(in text: String) -> String {
        var text = text
        while let start = text.range(of: "\\frac{") {
            guard let (numerator, afterNumerator) = group(in: text, from: text.index(before: start.upperBound)),
                  afterNumerator < text.endIndex, text[afterNumerator] == "{",
                  let (denominator, end) = group(in: text, from: afterNumerator) else { return text }
            text.replaceSubrange(start.lowerBound..<end, with: "((" + numerator + ")/(" + denominator + "))")
        }
        return text
    }

    /// The text inside the braces opening at `open`, and the index after the closing brace.
    private static func group(in text: String, from open: String.Index) -> (String, String.Index)? {
        var depth = 0
        var index = open
        while index < text.endIndex {
            if text[index] == "{" { depth += 1 }
            if text[index] == "}" {
                depth -= 1
                if depth == 0 { return (String(text[text.index(after: open)..<index]), text.index(after: index)) }
            }
            index = text.index(after: index)
        }
        return nil
    }
}

/// A matrix form in the reader's ASCII syntax, as an HTML handout's `alttext` writes it: `[a, b; c, d]` row by row,
/// juxtaposition the matrix product, `⊙` the entrywise product, `ᵀ` the transpose, each entry evaluated exactly in
/// decimal and in double arithmetic, products summed from the first term.
struct MatrixForm {
    /// A matrix of values, and whether it was written as one literal.
    struct Value {
        var entries: [[NumericForm.Value]]
        var isLiteral: Bool

        var columnCount: Int { entries.first?.count ?? 0 }
        var transposed: Value {
            Value(entries: (0..<columnCount).map { j in entries.map { $0[j] } }, isLiteral: false)
        }
    }

    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text.filter { !$0.isWhitespace })
    }

    /// The value of the whole form.
    func value() throws -> Value {
        var reader = self
        guard reader.characters.contains("[") else { throw NumericForm.Unreadable() }
        let value = try reader.hadamard()
        guard reader.position == reader.characters.count else { throw NumericForm.Unreadable() }
        return value
    }

    private var next: Character? { position < characters.count ? characters[position] : nil }

    private mutating func hadamard() throws -> Value {
        var total = try product()
        while next == "⊙" {
            position += 1
            let operand = try product()
            guard operand.entries.count == total.entries.count, operand.columnCount == total.columnCount else { throw NumericForm.Unreadable() }
            total = Value(entries: zip(total.entries, operand.entries).map { zip($0, $1).map { $0.times($1) } }, isLiteral: false)
        }
        return total
    }

    private mutating func product() throws -> Value {
        var total = try transposed()
        while next == "[" || next == "(" {
            let operand = try transposed()
            guard total.columnCount == operand.entries.count else { throw NumericForm.Unreadable() }
            total = Value(entries: total.entries.map { row in
                (0..<operand.columnCount).map { j in
                    row.indices.dropFirst().reduce(row[0].times(operand.entries[0][j])) { $0.plus(row[$1].times(operand.entries[$1][j])) }
                }
            }, isLiteral: false)
        }
        return total
    }

    private mutating func transposed() throws -> Value {
        var value = try primary()
        while next == "ᵀ" {
            position += 1
            value = value.transposed
        }
        return value
    }

    private mutating func primary() throws -> Value {
        if next == "(" {
            position += 1
            var inner = try hadamard()
            guard next == ")" else { throw NumericForm.Unreadable() }
            position += 1
            inner.isLiteral = false
            return inner
        }
        guard next == "[" else { throw NumericForm.Unreadable() }
        position += 1
        var rows: [[NumericForm.Value]] = [[]]
        var entry = ""
        while let character = next, character != "]" {
            position += 1
            if character == "," || character == ";" {
                rows[rows.count - 1].append(try NumericForm(entry).value())
                entry = ""
                if character == ";" { rows.append([]) }
            } else {
                entry.append(character)
            }
        }
        guard next == "]" else { throw NumericForm.Unreadable() }
        position += 1
        rows[rows.count - 1].append(try NumericForm(entry).value())
        guard rows.allSatisfy({ $0.count == rows[0].count }) else { throw NumericForm.Unreadable() }
        return Value(entries: rows, isLiteral: true)
    }
}

extension NumericForm.Value {
    /// self + other, both ways.
    func plus(_ other: Self) -> Self {
        Self(decimal.flatMap { a in other.decimal.map { a + $0 } }, double + other.double)
    }

    /// self · other, both ways.
    func times(_ other: Self) -> Self {
        Self(decimal.flatMap { a in other.decimal.map { a * $0 } }, double * other.double)
    }
}

/// A text handout's step drawn over several lines, its matrices between ⎡ ⎢ ⎣ and ⎤ ⎥ ⎦ and its tall brackets
/// ⎛ ⎝ ⎞ ⎠, read back as one line: the formula's first line, then each `= …` line with the rows above and below
/// it that its brackets span, every matrix written `[a, b; c, d]`.
enum MatrixArt {
    static let openings: Set<Character> = ["⎡", "⎢", "⎣"], closings: Set<Character> = ["⎤", "⎥", "⎦"]
    static let tall: [Character: Character] = ["⎛": "(", "⎜": "(", "⎝": "(", "⎞": ")", "⎟": ")", "⎠": ")"]

    static func linear(_ block: [[Character]]) -> String {
        let width = block.map(\.count).max() ?? 0
        let lines = block.map { $0 + Array(repeating: " ", count: width - $0.count) }
        var parts = [String(block[0]).trimmingCharacters(in: .whitespaces)]
        for (row, line) in lines.enumerated().dropFirst() where line.drop(while: { $0 == " " }).first == "=" {
            var top = row, bottom = row
            for (column, character) in line.enumerated() where openings.contains(character) || closings.contains(character) || tall[character] != nil {
                var up = row, down = row
                while up > 1, lines[up - 1][column] != " ", !"⎡⎤⎛⎞".contains(lines[up][column]) { up -= 1 }
                while down + 1 < lines.count, lines[down + 1][column] != " ", !"⎣⎦⎝⎠".contains(lines[down][column]) { down += 1 }
                top = Swift.min(top, up)
                bottom = Swift.max(bottom, down)
            }
            parts.append(linear(rows: Array(lines[top...bottom])))
        }
        return parts.joined(separator: " ")
    }

    /// The rows of one `= …` part as one line.
    private static func linear(rows: [[Character]]) -> String {
        var text = ""
        var column = 0
        let width = rows.first?.count ?? 0
        while column < width {
            let here = rows.map { $0[column] }
            if let top = here.firstIndex(where: { $0 == "⎡" || $0 == "[" }),
               let close = rows[top][(column + 1)...].firstIndex(where: { $0 == "⎤" || $0 == "]" }) {
                let bottom = here[top...].firstIndex(where: { $0 == "⎣" || $0 == "[" }) ?? top
                let entries = rows[top...bottom].map { row in
                    String(row[(column + 1)..<close]).split(separator: " ").joined(separator: ", ")
                }
                text += "[" + entries.joined(separator: "; ") + "]"
                column = close + 1
                continue
            }
            if let bracket = here.lazy.compactMap({ tall[$0] }).first {
                text.append(bracket)
            } else {
                let printed = here.filter { $0 != " " }
                text += printed.isEmpty ? " " : String(printed)
            }
            column += 1
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
