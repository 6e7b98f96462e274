import BackpropKit
import BackpropRendering

/// The networks the diagram tests draw.
enum DiagramNetwork: String, CaseIterable, CustomTestStringConvertible {
    /// The source note's network: sigmoid layers of widths 2, 2, 2, 1 and the squared loss.
    case note
    /// A tanh hidden layer with biases and a softmax output with the categorical cross-entropy, layers numbered 0...N.
    case softmax
    /// One weight layer: the output layer is the only layer of neurons.
    case single
    /// Five weight layers eight neurons wide: the widest network drawn in full.
    case wide
    /// Layers of 12 and 9 neurons, summarised, around a narrow one.
    case summarised
    /// Twelve weight layers, summarised.
    case deep

    var blueprint: NetworkBlueprint {
        switch self {
        case .note:
            return NetworkBlueprint(widths: [2, 2, 2, 1], activations: [.sigmoid, .sigmoid, .sigmoid])
        case .softmax:
            return NetworkBlueprint(widths: [2, 3, 3], activations: [.tanh, .softmax], loss: .categoricalCrossEntropy,
                                    hasBiases: true, seed: 3)
        case .single:
            return NetworkBlueprint(widths: [3, 2], activations: [.identity], loss: .halfSquared, seed: 4)
        case .wide:
            return NetworkBlueprint(widths: [8, 8, 8, 8, 8, 8], activations: Array(repeating: .relu, count: 4) + [.sigmoid], seed: 9)
        case .summarised:
            return NetworkBlueprint(widths: [12, 3, 9, 2], activations: [.sigmoid, .tanh, .sigmoid], loss: .halfSquared, seed: 5)
        case .deep:
            return NetworkBlueprint(widths: Array(repeating: 2, count: 12) + [1], activations: Array(repeating: .tanh, count: 12), seed: 2)
        }
    }

    var notation: NoteNotation {
        NoteNotation(depth: blueprint.widths.count - 1, indexing: self == .softmax ? .absolute : .note)
    }

    /// The derivation drawn, with eight steps of gradient descent for the loss per step.
    func derivation() throws -> Derivation {
        var blueprint = blueprint
        blueprint.learningRate = 0.5
        return try Derivation(network: blueprint.network(), trainingSteps: 8)
    }

    func diagram(_ kind: DiagramKind) throws -> NetworkDiagram {
        NetworkDiagram(derivation: try derivation(), notation: notation, kind: kind)
    }

    var testDescription: String { rawValue }
}

import Testing
