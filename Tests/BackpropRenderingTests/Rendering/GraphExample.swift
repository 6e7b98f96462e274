import BackpropKit
import BackpropRendering
import Testing

/// The expressions whose graph derivations are pinned by golden files and compiled with pdflatex.
enum GraphExample: String, CaseIterable, CustomTestStringConvertible, Sendable {
    /// The source post's e = (a + b)(b + 1) at a = 2, b = 1.
    case post
    /// The same in forward mode with respect to b.
    case postForward = "post-forward"
    /// One sigmoid neuron with a squared error: a chain with inputs joining on the way up.
    case neuron
    /// A shared subexpression (x·x + y, used twice), a square (two edges from x) and a logarithm.
    case shared

    var source: String {
        switch self {
        case .post, .postForward: return "(a+b)*(b+1)"
        case .neuron: return "(sigmoid(w*x + b) - t)^2"
        case .shared: return "log(x*x + y) * (x*x + y)"
        }
    }

    var point: [String: Double] {
        switch self {
        case .post, .postForward: return ["a": 2, "b": 1]
        case .neuron: return ["w": 0.5, "x": 1.5, "b": -0.25, "t": 1]
        case .shared: return ["x": 1.5, "y": 0.75]
        }
    }

    var mode: GraphDerivation.Mode {
        self == .postForward ? .forward(withRespectTo: "b") : .reverse
    }

    /// The `--at` value that gives `point`, in the order the variables appear.
    var at: String {
        switch self {
        case .post, .postForward: return "a=2,b=1"
        case .neuron: return "w=0.5,x=1.5,b=-0.25,t=1"
        case .shared: return "x=1.5,y=0.75"
        }
    }

    var info: HandoutInfo {
        var command = "derive --expr '\(source)' --at \(at)"
        if case .forward(let variable) = mode { command += " --mode forward --wrt \(variable)" }
        return HandoutInfo(title: "Backpropagation on a computational graph", command: command)
    }

    var testDescription: String { rawValue }

    /// The handout of the derivation, as every format writes it.
    func handout() throws -> Handout {
        Handout(.graph(try derivation()), info: info, notation: GraphNotation())
    }

    func derivation() throws -> GraphDerivation {
        let expression = try ExpressionParser.parse(source)
        let forward = try GraphForwardPass(graph: ComputationGraph(expression: expression), at: point)
        return try GraphDerivation(expression: expression, forward: forward, mode: mode)
    }
}
