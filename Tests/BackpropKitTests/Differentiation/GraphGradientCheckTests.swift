@testable import BackpropKit
import Foundation
import TestSupport
import Testing

/// Checks reverse and forward mode on a few hundred seeded random expressions over the whole grammar against
/// central finite differences of the parsed expression tree, evaluated directly with `Expression.evaluate`
/// (not through the graph), so a mistake in the graph, its local derivatives or either pass shows up.
@Suite struct GraphGradientCheckTests {
    static let variables = ["a", "b", "c"]
    static let constants = ["0.5", "2", "3", "1.5", "1e-1"]

    /// A random expression in the `--expr` grammar, at most `depth` operations deep.
    static func randomSource(depth: Int, using rng: inout SplitMix64) -> String {
        guard depth > 0, Int.random(in: 0..<4, using: &rng) > 0 else {
            return Bool.random(using: &rng) ? variables.randomElement(using: &rng) ?? "a" : constants.randomElement(using: &rng) ?? "1"
        }
        let operand = { (rng: inout SplitMix64) in randomSource(depth: depth - 1, using: &rng) }
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return "-" + operand(&rng)
        case 1, 2:
            let function = ExpressionParser.functions.randomElement(using: &rng) ?? .exp
            return "\(function.rawValue)(\(operand(&rng)))"
        case 3: return "(" + operand(&rng) + ")^" + (["2", "3", "0.5", "-1", operand(&rng)].randomElement(using: &rng) ?? "2")
        default:
            let left = operand(&rng), right = operand(&rng)
            let op = ["+", "-", "*", "/", "*", "+"].randomElement(using: &rng) ?? "+"
            return "(" + left + op + right + ")"
        }
    }

    /// Whether a node applies relu or abs at an argument so close to their kink at 0 that a finite
    /// difference straddles it.
    static func nearAKink(_ forward: GraphForwardPass) -> Bool {
        forward.graph.nodes.indices.contains { index in
            guard case .application(.elementary(let function), _)? = forward.graph.nodes[index].expression,
                  function == .relu || function == .abs, let operand = forward.graph.nodes[index].operands.first else { return false }
            return abs(forward.values[operand]) < 1e-2
        }
    }

    @Test func gradientsOfRandomExpressionsMatchFiniteDifferences() throws {
        var rng = SplitMix64(seed: 2017)
        var checked = 0
        for _ in 0..<500 {
            let source = Self.randomSource(depth: 5, using: &rng)
            let point = Dictionary(uniqueKeysWithValues: Self.variables.map { ($0, Double.random(in: -2...2, using: &rng)) })
            let expression = try ExpressionParser.parse(source)
            guard let graph = try? ComputationGraph(expression: expression) else { continue }
            let inputs = graph.inputs.map { graph.nodes[$0].name }
            let used = point.filter { inputs.contains($0.key) }
            guard let forward = try? GraphForwardPass(graph: graph, at: used), !Self.nearAKink(forward) else { continue }
            let value = { (name: String, x: Double) throws -> Double in
                var shifted = used
                shifted[name] = x
                return try expression.evaluate { symbol in
                    if case .variable(let variable) = symbol { return shifted[variable] }
                    return nil
                }
            }
            guard let differences = try? inputs.map({ name in
                let x = used[name] ?? 0
                return try FiniteDifference.derivative(at: x, step: FiniteDifference.step(at: x)) { try value(name, $0) }
            }) else { continue }
            #expect(isClose(forward.value, try value(inputs[0], used[inputs[0]] ?? 0)), "value of \(source)")
            let reverse = try ReverseMode(forward: forward)
            for (index, name) in inputs.enumerated() {
                let tangent = try ForwardMode(forward: forward, withRespectTo: name).derivative
                #expect(isClose(reverse.gradient[index], differences[index], relative: 1e-5),
                        "∂/∂\(name) of \(source) at \(used): reverse \(reverse.gradient[index]), finite differences \(differences[index])")
                #expect(isClose(tangent, reverse.gradient[index], relative: 1e-12), "forward and reverse mode differ for \(source)")
            }
            checked += 1
        }
        #expect(checked >= 300, "only \(checked) of 500 random expressions were defined at their point")
    }
}
