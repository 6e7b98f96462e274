@testable import BackpropKit
import Foundation
import Testing

/// The computational graph of an expression: its nodes, shared subexpressions, local derivatives, and the
/// forward and reverse passes, starting with the post's e = (a + b)(b + 1) at a = 2, b = 1.
@Suite struct ComputationGraphTests {
    static func variable(_ name: String) -> Expression { .of(.variable(name)) }
    let a = variable("a"), b = variable("b"), c = variable("c"), d = variable("d"), x = variable("x")

    func graph(_ source: String) throws -> ComputationGraph {
        try ComputationGraph(expression: ExpressionParser.parse(source))
    }

    func forward(_ source: String, _ point: [String: Double]) throws -> GraphForwardPass {
        try GraphForwardPass(graph: graph(source), at: point)
    }

    // MARK: - The post's example

    @Test func thePostsGraphHasFiveNodesInEvaluationOrder() throws {
        let graph = try graph("(a+b)*(b+1)")
        #expect(graph.nodes.map(\.name) == ["a", "b", "c", "d", "e"])
        #expect(graph.nodes.map(\.expression) == [nil, nil, .sum([a, b]), .sum([b, 1]), .product([c, d])])
        #expect(graph.nodes.map(\.operands) == [[], [], [0, 1], [1], [2, 3]])
        #expect(graph.inputs == 0..<2)
        #expect(graph.output == 4)
    }

    @Test func thePostsEdgesCarryTheirLocalDerivatives() throws {
        let graph = try graph("(a+b)*(b+1)")
        #expect(graph.edges.map { [$0.from, $0.to, $0.operand] } == [[0, 2, 0], [1, 2, 1], [1, 3, 0], [2, 4, 0], [3, 4, 1]])
        // ∂c/∂a = 1, ∂c/∂b = 1, ∂d/∂b = 1, ∂e/∂c = d, ∂e/∂d = c
        #expect(graph.edges.map(\.localDerivative) == [1, 1, 1, d, c])
        #expect(graph.outgoingEdges(of: 1) == [1, 2])
        #expect(graph.incomingEdges(of: 4) == 3..<5)
    }

    @Test func thePostsValuesAndGradient() throws {
        let forward = try forward("(a+b)*(b+1)", ["a": 2, "b": 1])
        #expect(forward.values == [2, 1, 3, 2, 6])
        #expect(forward.value == 6)
        #expect(forward.localDerivatives == [1, 1, 1, 2, 3])
        let reverse = try ReverseMode(forward: forward)
        #expect(reverse.adjoints == [2, 5, 2, 3, 1])
        #expect(reverse.gradient == [2, 5])  // ∂e/∂a = 2, ∂e/∂b = 2 · 1 + 3 · 1 = 5
    }

    @Test func forwardModeGivesOneDerivativePerPass() throws {
        let forward = try forward("(a+b)*(b+1)", ["a": 2, "b": 1])
        let alongB = try ForwardMode(forward: forward, withRespectTo: "b")
        #expect(alongB.tangents == [0, 1, 1, 1, 5])
        #expect(alongB.derivative == 5)
        #expect(try ForwardMode(forward: forward, withRespectTo: "a").derivative == 2)
        #expect(throws: GraphError.notAnInput("z")) { try ForwardMode(forward: forward, withRespectTo: "z") }
    }

    // MARK: - Shape of the graph

    @Test func aSquareIsOneNodeWithTwoEdges() throws {
        let graph = try graph("x*x")
        #expect(graph.nodes.map(\.name) == ["x", "a"])
        #expect(graph.nodes[1].operands == [0, 0])
        #expect(graph.edges.map(\.localDerivative) == [x, x])
        let forward = try GraphForwardPass(graph: graph, at: ["x": 3])
        #expect(try ReverseMode(forward: forward).gradient == [6])
    }

    @Test func sharedSubexpressionsAreOneNode() throws {
        let graph = try graph("(a+b)*(a+b) + sin(a+b)")
        #expect(graph.nodes.map(\.name) == ["a", "b", "c", "d", "e", "f"])
        #expect(graph.nodes.map(\.expression) == [nil, nil, .sum([a, b]), .product([c, c]), .apply(.sin, c), .sum([d, Self.variable("e")])])
        #expect(graph.outgoingEdges(of: 2).count == 3)
    }

    @Test func longSumsAndProductsBecomeChainsOfBinaryNodes() throws {
        let graph = try graph("a+b-x+1")
        #expect(graph.nodes.map(\.expression) == [nil, nil, nil, .sum([a, b]), .sum([c, .negation(x)]), .sum([d, 1])])
    }

    @Test func aLeadingMinusStaysInItsSum() throws {
        let graph = try graph("-a + b")
        #expect(graph.nodes.map(\.expression) == [nil, nil, .sum([.negation(a), b])])
        #expect(graph.edges.map(\.localDerivative) == [-1, 1])
    }

    @Test func constantSubexpressionsAreFolded() throws {
        let graph = try graph("a * (2 + 3) - -4 / 2 + 2^10")
        #expect(graph.nodes.map(\.expression) == [nil, .product([a, 5]), .sum([b, .negation(-2)]), .sum([c, 1024])])
    }

    @Test func namesAvoidTheVariables() throws {
        #expect(try graph("c*(a+b)").nodes.map(\.name) == ["c", "a", "b", "d", "e"])
        let alphabet = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        let everyLetter = try graph(alphabet.joined(separator: "+"))
        #expect(everyLetter.nodes.suffix(2).map(\.name) == ["v_24", "v_25"])
        #expect(ComputationGraph.operationNames(count: 30, avoiding: ["v_1", "a"]).first == "vv_1")
    }

    @Test func aLoneVariableIsItsOwnOutput() throws {
        let forward = try forward("a", ["a": 4])
        #expect(forward.graph.nodes.count == 1)
        #expect(forward.graph.edges.isEmpty)
        #expect(try ReverseMode(forward: forward).gradient == [1])
    }

    @Test func theLocalDerivativesComeFromTheFormulas() throws {
        let graph = try graph("sigmoid(a)/b^2")
        #expect(graph.nodes.map(\.name) == ["a", "b", "c", "d", "e"])
        let sigmoid = Expression.apply(.sigmoid, a)
        #expect(graph.edges.map(\.localDerivative) == [
            sigmoid * (1 - sigmoid),                       // ∂c/∂a
            2 * b,                                         // ∂d/∂b
            1 / d,                                         // ∂e/∂c
            -(c / .power(d, 2)),                           // ∂e/∂d
        ])
    }

    // MARK: - Undefined points and bad values

    @Test func missingAndUnusedValuesAreNamed() throws {
        let graph = try graph("(a+b)*(b+1)")
        #expect(throws: GraphError.missingValues(["b"])) { try GraphForwardPass(graph: graph, at: ["a": 1]) }
        #expect(throws: GraphError.unusedValues(["x", "z"])) { try GraphForwardPass(graph: graph, at: ["a": 1, "b": 2, "z": 0, "x": 1]) }
        #expect(GraphError.missingValues(["b"]).description == "no value for the variable 'b'")
    }

    @Test func anExpressionOfConstantsHasNoGraph() {
        #expect(throws: GraphError.noVariables) { try graph("2 + 3") }
        #expect(throws: GraphError.self) { try graph("a + log(0)") }
    }

    @Test func reluAtZeroHasDerivativeZero() throws {
        let forward = try forward("relu(a) + a", ["a": 0])
        #expect(try ReverseMode(forward: forward).gradient == [1])
    }

    // MARK: - Long and deep expressions

    @Test func aLongSumIsAChainOfBinaryNodes() throws {
        let source = Array(repeating: "a", count: 20_000).joined(separator: "+")
        let forward = try forward(source, ["a": 0.5])
        #expect(forward.graph.nodes.count == 20_000)
        #expect(forward.value == 10_000)
        #expect(try ReverseMode(forward: forward).gradient == [20_000])
    }

    @Test func aGraphBeyondItsLimitIsRefusedEarly() throws {
        let expression = try ExpressionParser.parse(Array(repeating: "a", count: 100_000).joined(separator: "*"))
        let start = Date()
        #expect(throws: GraphError.tooLarge(limit: 1_000)) { try ComputationGraph(expression: expression, maximumOperations: 1_000) }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func nestingAtTheParsersLimitMakesAGraph() throws {
        let depth = ExpressionParser.maximumDepth / 2 - 1
        let source = String(repeating: "(1+", count: depth) + "a" + String(repeating: ")*2", count: depth)
        let forward = try forward(source, ["a": 1])
        #expect(forward.graph.nodes.count == 2 * depth + 1)
        #expect(try ReverseMode(forward: forward).gradient == [pow(2, Double(depth))])
    }
}
