import BackpropKit

// MARK: - The options of --expr

extension Options {
    /// The flags that apply to `derive --expr`; every other flag describes a network.
    static let expressionFlags: Set<String> = Set([
        OptionSpec.expr, .at, .mode, .wrt, .format, .output, .digits, .template, .title, .author, .allowLarge, .help,
    ].map(\.flag))

    /// The flags that apply only to `derive --expr`.
    static let expressionOnlyFlags: [OptionSpec] = [.at, .mode, .wrt]

    /// Checks that `given` mixes no network flags into `--expr` and no `--expr` flags into a network.
    /// - Throws: ``DeriveError/usage(_:)`` naming the first flag out of place.
    static func checkExpressionFlags(_ given: [OptionSpec], expression: String?) throws(DeriveError) {
        if expression != nil {
            if let misplaced = given.first(where: { !expressionFlags.contains($0.flag) }) {
                throw .usage("Error: '\(misplaced.flag)' cannot be combined with '--expr': it describes a network, not an expression")
            }
        } else if let misplaced = given.first(where: { option in expressionOnlyFlags.contains { $0.flag == option.flag } }) {
            throw .usage("Error: '\(misplaced.flag)' needs '--expr <expression>'")
        }
    }

    /// The values of `--at`: `name=value` pairs separated by commas, each name once.
    /// - Throws: ``DeriveError/usage(_:)`` for a malformed pair, a name given twice or a value that is not a finite number.
    static func point(_ value: String?, _ option: OptionSpec) throws(DeriveError) -> [String: Double] {
        let text = value ?? ""
        var point: [String: Double] = [:]
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = (pair.first ?? "").trimmingCharacters(in: .whitespaces)
            guard pair.count == 2, let written = pair.last, name.isIdentifier else {
                throw invalid(text, option, "expected name=value pairs such as a=2,b=1")
            }
            guard point[name] == nil else { throw invalid(text, option, "'\(name)' is given twice") }
            let number = written.trimmingCharacters(in: .whitespaces)
            do {
                point[name] = try finiteNumber(number, option)
            } catch {
                throw invalid(text, option, "expected a finite number for '\(name)', found '\(number)'")
            }
        }
        return point
    }
}

private extension String {
    /// Whether the string is a name of the expression grammar: an ASCII letter or `_`, then letters, digits and `_`.
    var isIdentifier: Bool {
        guard let first = unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}

import Foundation
