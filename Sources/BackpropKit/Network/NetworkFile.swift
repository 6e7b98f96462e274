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

    /// Decodes a network file from its UTF-8 bytes with ``JSONReader``: strict RFC 8259, names it does not
    /// know skipped, and every problem located by its JSON path, line and column.
    /// - Throws: ``NetworkError/invalid(path:reason:)`` naming the JSON path at fault.
    public static func decode(_ bytes: [UInt8]) throws(NetworkError) -> NetworkFile {
        var reader = JSONReader(bytes)
        do {
            let file = try read(&reader)
            try reader.readEnd()
            return file
        } catch let failure {
            let location = reader.describeLocation(of: failure.offset)
            if failure.isSyntax {
                throw .invalid(path: "$", reason: "not valid JSON: \(failure.reason) at \(location)")
            }
            throw .invalid(path: failure.path, reason: "\(failure.reason) (\(location))")
        }
    }

    /// Reads the file's object.
    private static func read(_ reader: inout JSONReader) throws(JSONReader.Failure) -> NetworkFile {
        var input: [Double]?, target: [Double]?, loss: String??, learningRate: Double??, layers: [LayerEntry]?
        let start = try expect(.object, at: "$", &reader)
        try reader.readObject(path: "$") { (reader: inout JSONReader, name: String, _: Int) throws(JSONReader.Failure) in
            switch name {
            case "input": input = try numbers(at: "input", &reader)
            case "target": target = try numbers(at: "target", &reader)
            case "loss": loss = try optionalString(at: "loss", &reader)
            case "learningRate": learningRate = try optionalNumber(at: "learningRate", &reader)
            case "layers":
                var entries: [LayerEntry] = []
                _ = try expect(.array, at: "layers", &reader)
                try reader.readArray { (reader: inout JSONReader, index: Int) throws(JSONReader.Failure) in
                    entries.append(try layer(at: "layers[\(index)]", &reader))
                }
                layers = entries
            default: try reader.skipValue()
            }
        }
        guard let input else { throw reader.shape("missing", path: "input", at: start) }
        guard let target else { throw reader.shape("missing", path: "target", at: start) }
        guard let layers else { throw reader.shape("missing", path: "layers", at: start) }
        return NetworkFile(input: input, target: target, loss: loss ?? nil, learningRate: learningRate ?? nil, layers: layers)
    }

    /// Reads one entry of `layers`.
    private static func layer(at path: String, _ reader: inout JSONReader) throws(JSONReader.Failure) -> LayerEntry {
        var activation: String??, weights: [[Double]]?, biases: [Double]??
        let start = try expect(.object, at: path, &reader)
        try reader.readObject(path: path) { (reader: inout JSONReader, name: String, _: Int) throws(JSONReader.Failure) in
            switch name {
            case "activation": activation = try optionalString(at: path + ".activation", &reader)
            case "weights":
                var rows: [[Double]] = []
                _ = try expect(.array, at: path + ".weights", &reader)
                try reader.readArray { (reader: inout JSONReader, index: Int) throws(JSONReader.Failure) in
                    rows.append(try numbers(at: path + ".weights[\(index)]", &reader))
                }
                weights = rows
            case "biases":
                if try reader.peek().kind == .null {
                    try reader.readNull()
                    biases = .some(nil)
                } else {
                    biases = try numbers(at: path + ".biases", &reader)
                }
            default: try reader.skipValue()
            }
        }
        guard let weights else { throw reader.shape("missing", path: path + ".weights", at: start) }
        return LayerEntry(activation: activation ?? nil, weights: weights, biases: biases ?? nil)
    }

    /// Checks that the next value is of `kind` and returns its offset.
    private static func expect(_ kind: JSONReader.Kind, at path: String, _ reader: inout JSONReader) throws(JSONReader.Failure) -> Int {
        let (found, offset) = try reader.peek()
        guard found == kind else {
            throw reader.shape("expected \(kind.phrase), found \(found.phrase)", path: path, at: offset)
        }
        return offset
    }

    /// Reads an array of numbers.
    private static func numbers(at path: String, _ reader: inout JSONReader) throws(JSONReader.Failure) -> [Double] {
        var values: [Double] = []
        _ = try expect(.array, at: path, &reader)
        try reader.readArray { (reader: inout JSONReader, index: Int) throws(JSONReader.Failure) in
            let elementPath = path + "[\(index)]"
            _ = try expect(.number, at: elementPath, &reader)
            values.append(try reader.readNumber(path: elementPath))
        }
        return values
    }

    /// Reads a number or `null`.
    private static func optionalNumber(at path: String, _ reader: inout JSONReader) throws(JSONReader.Failure) -> Double? {
        if try reader.peek().kind == .null {
            try reader.readNull()
            return nil
        }
        _ = try expect(.number, at: path, &reader)
        return try reader.readNumber(path: path)
    }

    /// Reads a string or `null`.
    private static func optionalString(at path: String, _ reader: inout JSONReader) throws(JSONReader.Failure) -> String? {
        if try reader.peek().kind == .null {
            try reader.readNull()
            return nil
        }
        _ = try expect(.string, at: path, &reader)
        return try reader.readString()
    }

    /// The network the file describes.
    /// - Throws: ``NetworkError/invalid(path:reason:)`` for an unknown name or an inconsistent shape.
    public func network() throws(NetworkError) -> Network {
        let loss: Loss
        if let name = self.loss {
            guard let known = Loss(rawValue: name) else {
                throw .invalid(path: "loss", reason: "unknown loss '\(name.echoed)' (expected \(Loss.allCases.map(\.rawValue).joined(separator: ", ")))")
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
                                   reason: "unknown activation '\(name.echoed)' (expected \(Activation.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                activation = known
            }
            layers.append(Layer(activation: activation, weights: entry.weights, biases: entry.biases))
        }
        return try Network(layers: layers, input: input, target: target, loss: loss, learningRate: learningRate)
    }
}
