import BackpropKit

// MARK: - The options of --expr

extension Options {
    /// The flags that apply to `derive --expr`; every other flag describes a network.
    static let expressionFlags: Set<Option> = [.expr, .at, .mode, .wrt, .format, .output, .digits, .template, .title, .author, .allowLarge, .help]

    /// The flags that apply only to `derive --expr`.
    static let expressionOnlyFlags: Set<Option> = [.at, .mode, .wrt]

    /// Checks that `given` mixes no network flags into `--expr` and no `--expr` flags into a network.
    /// - Throws: ``DeriveError/usage(_:)`` naming the first flag out of place.
    static func checkExpressionFlags(_ given: [Option], expression: String?) throws(DeriveError) {
        if expression != nil {
            if let misplaced = given.first(where: { !expressionFlags.contains($0) }) {
                throw .usage(.combinedWithExpression(misplaced))
            }
        } else if let misplaced = given.first(where: expressionOnlyFlags.contains) {
            throw .usage(.needsExpression(misplaced))
        }
    }

    /// The values of `--at`: `name=value` pairs separated by commas, each name once.
    /// - Throws: ``DeriveError/usage(_:)`` for a malformed pair, a name given twice or a value that is not a finite number.
    static func point(_ value: String?, _ option: Option) throws(DeriveError) -> [String: Double] {
        let text = value ?? ""
        var point: [String: Double] = [:]
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = (pair.first ?? "").trimmingSpaces()
            guard pair.count == 2, let written = pair.last, name.isIdentifier else {
                throw invalid(text, option, .namedValues)
            }
            guard point[name] == nil else { throw invalid(text, option, .givenTwice(name: name)) }
            let number = written.trimmingSpaces()
            do {
                point[name] = try finiteNumber(number, option)
            } catch {
                throw invalid(text, option, .finiteNumberFor(name: name, found: number))
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
