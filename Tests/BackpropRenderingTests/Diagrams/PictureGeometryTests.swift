import BackpropKit
@testable import BackpropRendering
import Foundation
import Testing
import TestSupport

/// Every picture reads right in print: the gallery's networks, the graph examples, the README's expressions, and
/// random networks and expressions drawn afresh each run from a fixed seed.
@Suite struct PictureGeometryTests {
    /// The README's two `--expr` examples, at their points.
    static let readmeExpressions: [(source: String, point: [String: Double])] = [
        ("x*x*x + sin(x)*y", ["x": 1.5, "y": 2]),
        ("log(1+exp(-(w*x+b)))*y + (1-y)*(w*x+b)^2/2", ["w": 0.5, "x": 2, "b": -0.3, "y": 1]),
    ]

    @Test(arguments: NetworkDiagramTests.pictures)
    func networkPicturesReadRight(_ network: DiagramNetwork, _ kind: DiagramKind) throws {
        Self.expectReadsRight(try network.diagram(kind), "\(network) \(kind)")
    }

    /// Expects `diagram` to read right.
    static func expectReadsRight(_ diagram: NetworkDiagram, _ name: String) {
        let problems = PictureGeometry(diagram).problems
        #expect(problems.isEmpty, "\(name): \(problems.prefix(5))")
    }

    @Test(arguments: GraphExample.allCases)
    func graphExamplesReadRight(_ example: GraphExample) throws {
        let diagram = try #require(GraphPicture(derivation: try example.derivation(), notation: GraphNotation(), numbers: .roundTrip).diagram)
        let problems = PictureGeometry(diagram).problems
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test func readmeExpressionsDrawWithoutOverlaps() throws {
        for (source, point) in Self.readmeExpressions {
            let diagram = try #require(try Self.graphPicture(source, at: point, mode: .reverse))
            let problems = PictureGeometry(diagram).problems
            #expect(problems.isEmpty, "\(source): \(problems.prefix(5))")
            let graph = try Self.graph(source)
            #expect(diagram.edges.count == graph.edges.count)
        }
    }

    @Test func randomNetworksReadRight() throws {
        var generator = SplitMix64(seed: 10)
        let activations: [Activation] = [.sigmoid, .tanh, .relu, .identity]
        for _ in 0..<40 {
            let depth = Int.random(in: 1...11, using: &generator)
            let widths = (0...depth).map { _ in Int.random(in: 1...10, using: &generator) }
            var layerActivations = (0..<depth).map { _ in activations.randomElement(using: &generator) ?? .sigmoid }
            var loss = Loss.squared
            if widths[depth] > 1 && Bool.random(using: &generator) {
                layerActivations[depth - 1] = .softmax
                loss = .categoricalCrossEntropy
            }
            let blueprint = NetworkBlueprint(widths: widths, activations: layerActivations, loss: loss, hasBiases: Bool.random(using: &generator),
                                             seed: generator.next())
            let derivation = try Derivation(network: blueprint.network())
            for kind in DiagramKind.allCases {
                Self.expectReadsRight(NetworkDiagram(derivation: derivation, notation: NoteNotation(depth: depth), kind: kind), "\(widths) \(kind)")
            }
        }
    }

    @Test func randomExpressionsReadRight() throws {
        var generator = SplitMix64(seed: 11)
        var drawn = 0
        for _ in 0..<200 {
            let source = Self.randomExpression(depth: 4, using: &generator)
            let variables = ["x", "y", "z", "w"].filter { source.contains($0) }
            let point = Dictionary(uniqueKeysWithValues: variables.map { ($0, Double(Int.random(in: -20...20, using: &generator)) / 10) })
            let mode: GraphDerivation.Mode = Bool.random(using: &generator) ? .reverse : .forward(withRespectTo: variables.first ?? "x")
            guard let diagram = try? Self.graphPicture(source, at: point, mode: mode) else { continue }
            drawn += 1
            let problems = PictureGeometry(diagram).problems
            #expect(problems.isEmpty, "\(source): \(problems.prefix(3))")
        }
        #expect(drawn >= 100, "most random expressions are drawn")
    }

    @Test func colourEveryLayerOfTenDifferently() {
        let colours = (1...10).map { LayerPalette.color(ofLayer: $0, depth: 10) }
        #expect(Set(colours).count == 10)
        let shades = (1...10).map { DiagramColor.layer($0, depth: 10) }
        #expect(Set(shades).count == 10)
    }

    /// Every shade reads on white and stays a visible grey on a black-and-white copy: its luma (ITU-R BT.601, as a
    /// greyscale conversion computes it) at most 100 of 255, where white is 255 and the muted grey 128.
    @Test func shadesStayDarkInGrey() {
        for colour in (0..<10).map({ DiagramColor.layer($0, depth: 9) }) + [.backward] {
            let (red, green, blue) = colour.components
            let luma = 0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue)
            #expect(luma <= 100, "\(colour) prints at grey \(luma)")
        }
    }

    // MARK: - Helpers

    static func graph(_ source: String) throws -> ComputationGraph {
        try ComputationGraph(expression: try ExpressionParser.parse(source))
    }

    /// The picture of `source` differentiated at `point`, or `nil` when it is too large to draw.
    static func graphPicture(_ source: String, at point: [String: Double], mode: GraphDerivation.Mode) throws -> NetworkDiagram? {
        let expression = try ExpressionParser.parse(source)
        let forward = try GraphForwardPass(graph: ComputationGraph(expression: expression), at: point)
        let derivation = try GraphDerivation(expression: expression, forward: forward, mode: mode)
        return GraphPicture(derivation: derivation, notation: GraphNotation(), numbers: .roundTrip).diagram
    }

    /// An expression in x, y, z and w defined everywhere: sums, products, squares, and functions of them.
    static func randomExpression(depth: Int, using generator: inout SplitMix64) -> String {
        let leaves = ["x", "y", "z", "w", "x", "y", "2", "0.5"]
        guard depth > 0, Int.random(in: 0..<5, using: &generator) > 0 else { return leaves.randomElement(using: &generator) ?? "x" }
        let a = randomExpression(depth: depth - 1, using: &generator), b = randomExpression(depth: depth - 1, using: &generator)
        switch Int.random(in: 0..<9, using: &generator) {
        case 0: return "(\(a) + \(b))"
        case 1: return "(\(a) - \(b))"
        case 2, 3: return "\(a) * \(b)"
        case 4: return "(\(a))^2"
        case 5: return "sin(\(a))"
        case 6: return "sigmoid(\(a))"
        case 7: return "log(1 + exp(\(a)))"
        default: return "\(a) / (1 + \(b)^2)"
        }
    }
}
