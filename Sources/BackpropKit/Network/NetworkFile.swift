import Foundation

/// The network file read by `derive --network FILE.json`:
///
///     { "input": [...], "target": [...], "loss": "half-squared", "learningRate": 0.5,
///       "layers": [ { "activation": "sigmoid", "weights": [[...]], "biases": [...] } ] }
///
/// `layers[k].weights[i][j]` is the weight from neuron i of the previous layer to neuron j of this one;
/// `loss` (default squared), `activation` (default sigmoid), `biases` and `learningRate` are optional.
public struct NetworkFile: Codable, Sendable, Equatable {
    /// One layer of the file.
    public struct LayerEntry: Codable, Sendable, Equatable {
        /// The activation's name.
        public var activation: String?
        /// `weights[i][j]`.
        public var weights: [[Double]]
        /// `biases[j]`.
        public var biases: [Double]?
    }

    /// o_{0,i}.
    public var input: [Double]
    /// t_j.
    public var target: [Double]
    /// The loss's name.
    public var loss: String?
    /// η.
    public var learningRate: Double?
    /// The layers from the first hidden layer to the output.
    public var layers: [LayerEntry]

    /// Decodes a network file.
    /// - Throws: ``NetworkError/invalid(path:reason:)`` naming the JSON path at fault.
    public static func decode(_ data: Data) throws(NetworkError) -> NetworkFile {
        do {
            return try JSONDecoder().decode(NetworkFile.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw .invalid(path: "$", reason: "not valid JSON" + syntaxProblem(in: data))
            }
            throw Self.networkError(error)
        } catch {
            throw .invalid(path: "$", reason: "not valid JSON")
        }
    }

    /// The network the file describes.
    /// - Throws: ``NetworkError/invalid(path:reason:)`` for an unknown name or an inconsistent shape.
    public func network() throws(NetworkError) -> Network {
        let loss: Loss
        if let name = self.loss {
            guard let known = Loss(rawValue: name) else {
                throw .invalid(path: "loss", reason: "unknown loss '\(name)' (expected \(Loss.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            loss = known
        } else {
            loss = .squared
        }
        var layers: [Layer] = []
        for (index, entry) in self.layers.enumerated() {
            var activation = Activation.sigmoid
            if let name = entry.activation {
                guard let known = Activation(name: name) else {
                    throw .invalid(path: "layers[\(index)].activation",
                                   reason: "unknown activation '\(name)' (expected \(Activation.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                activation = known
            }
            layers.append(Layer(activation: activation, weights: entry.weights, biases: entry.biases))
        }
        return try Network(layers: layers, input: input, target: target, loss: loss, learningRate: learningRate)
    }

    private static func networkError(_ error: DecodingError) -> NetworkError {
        switch error {
        case .keyNotFound(let key, let context):
            return .invalid(path: path(context.codingPath + [key]), reason: "missing")
        case .typeMismatch(let type, let context):
            return .invalid(path: path(context.codingPath), reason: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return .invalid(path: path(context.codingPath), reason: "expected \(describe(type)), found null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return .invalid(path: "$", reason: "not valid JSON") }
            return .invalid(path: path(context.codingPath), reason: "expected a finite number")
        @unknown default:
            return .invalid(path: "$", reason: "not a network file")
        }
    }

    /// `layers[1].weights[0][2]` for a coding path.
    private static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return result.isEmpty ? "$" : result
    }

    /// ": Number 1e999 is not representable in Swift", the parser's account of malformed JSON, or "".
    private static func syntaxProblem(in data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return ""
        } catch let error as NSError {
            guard let detail = error.userInfo[NSDebugDescriptionErrorKey] as? String, !detail.isEmpty else { return "" }
            return ": " + detail.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        }
    }

    /// The kind of JSON value a decoder expected, from the Swift type it reports.
    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if type is Double.Type { return "a number" }
        if type is String.Type { return "a string" }
        if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
        if name.hasPrefix("Dictionary") || type == NetworkFile.self || type == LayerEntry.self { return "an object" }
        return "a value of another type"
    }
}
