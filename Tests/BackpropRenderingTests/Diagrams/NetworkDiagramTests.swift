import BackpropKit
@testable import BackpropRendering
import Testing

/// The layout of the pictures: what is drawn, what is summarised, the colours, and that nothing overlaps.
@Suite struct NetworkDiagramTests {
    static let pictures: [(DiagramNetwork, DiagramKind)] = DiagramNetwork.allCases.flatMap { network in
        DiagramKind.allCases.map { (network, $0) }
    }

    @Test func drawsEveryNeuronAndEdgeOfANarrowNetwork() throws {
        let diagram = try DiagramNetwork.note.diagram(.network)
        #expect(diagram.nodes.filter { $0.role == .input }.count == 2)
        #expect(diagram.nodes.filter { $0.role == .neuron }.count == 5)
        #expect(diagram.nodes.filter { $0.role == .loss }.count == 1)
        #expect(!diagram.nodes.contains { $0.role == .ellipsis })
        #expect(diagram.edges.count == 2 * 2 + 2 * 2 + 2 * 1 + 1)
        // Every weight is written on its edge, as a number.
        let labels = diagram.edges.compactMap(\.label).map(\.text.pieces)
        #expect(labels.count == 10)
        #expect(labels.contains([.math(.constant(0.13))]))
    }

    @Test func drawsEightNeuronsInFull() throws {
        let diagram = try DiagramNetwork.wide.diagram(.network)
        let drawn = Set(diagram.nodes.compactMap(\.layer))
        #expect(drawn.contains(0) && drawn.contains(5))
        for k in drawn {
            #expect(diagram.nodes.filter { $0.layer == k && $0.role != .ellipsis }.count == 8)
        }
        #expect(!diagram.nodes.contains { $0.role == .ellipsis && $0.layer != nil })
    }

    @Test func summarisesLayersWiderThanEight() throws {
        let diagram = try DiagramNetwork.summarised.diagram(.network)
        func neurons(_ k: Int) -> [Int] { diagram.nodes.filter { $0.layer == k && $0.role != .ellipsis }.compactMap(\.neuron) }
        #expect(neurons(0) == [0, 1, 2, 10, 11])
        #expect(neurons(1) == [0, 1, 2])
        #expect(neurons(2) == [0, 1, 2, 7, 8])
        let ellipses = diagram.nodes.filter { $0.role == .ellipsis }
        #expect(ellipses.map(\.layer) == [0, 2])
        #expect(ellipses.map(\.neuron) == [7, 4])
        #expect(ellipses.allSatisfy { $0.labels.map(\.text.pieces).contains([.words("\($0.neuron ?? 0) more")]) })
        // The neurons left out have no edges; the ones drawn are fully connected.
        let ids = Set(ellipses.map(\.id))
        #expect(!diagram.edges.contains { ids.contains($0.from) || ids.contains($0.to) })
        #expect(diagram.edges.count == 5 * 3 + 3 * 5 + 5 * 2 + 2)
        #expect(diagram.labels.contains { $0.text.pieces.contains(.words("Layers over 8 neurons wide show their first 3 and last 2 only.")) })
    }

    @Test(arguments: [DiagramKind.network, .backwardPass])
    func summarisesLayersBeyondEight(_ kind: DiagramKind) throws {
        let diagram = try DiagramNetwork.deep.diagram(kind)
        // The first layers and the last, as many as fit 20.5 cm, with a `⋯` for the rest.
        let drawn = Set(diagram.nodes.compactMap(\.layer))
        #expect(drawn.contains(0) && drawn.contains(1) && drawn.contains(12) && drawn.count <= 5)
        #expect(diagram.bounds.width <= 20.5)
        let skipped = try #require(diagram.nodes.first { $0.id == "layersmore" })
        #expect(skipped.neuron == 13 - drawn.count && skipped.layer == nil)
        #expect(skipped.labels.map(\.text.pieces) == [[.dots], [.words("\(13 - drawn.count) more")], [.words("layers")]])
        let layers = Dictionary(uniqueKeysWithValues: diagram.nodes.map { ($0.id, $0.layer) })
        for edge in diagram.edges {
            let ends = [layers[edge.from] ?? nil, layers[edge.to] ?? nil].compactMap { $0 }.sorted()
            #expect(ends.count < 2 || ends[1] - ends[0] == 1, "\(edge.from) → \(edge.to) joins adjacent layers")
            #expect(edge.from != skipped.id && edge.to != skipped.id)
        }
        #expect(diagram.labels.contains { $0.text.pieces == [.words("The layers under ⋯ are left out, so the picture prints at a readable size; the derivation has them all.")] })
    }

    @Test func selectsTheFirstThreeAndLastTwoOfAWideLayer() {
        #expect(NeuronSelection(width: 8).rows == (0..<8).map(NeuronSelection.Row.neuron))
        #expect(NeuronSelection(width: 9).rows == [.neuron(0), .neuron(1), .neuron(2), .ellipsis(count: 4), .neuron(7), .neuron(8)])
        #expect(NeuronSelection(width: 1000).neurons == [0, 1, 2, 998, 999])
    }

    @Test(arguments: DiagramNetwork.allCases)
    func colorsErrorsLikeTheDerivation(_ network: DiagramNetwork) throws {
        let depth = network.blueprint.widths.count - 1
        func color(_ k: Int) -> DiagramColor { .layer(k, depth: depth) }
        let overview = try network.diagram(.network)
        for node in overview.nodes where node.role == .neuron {
            let k = try #require(node.layer)
            let colored = node.labels.filter { $0.text.color != .ink }
            #expect(colored.map(\.text.color) == [color(k)], "∂δ/∂o under \(node.id)")
        }
        let backward = try network.diagram(.backwardPass)
        for node in backward.nodes where node.role == .neuron {
            let k = try #require(node.layer)
            #expect(node.labels.filter { $0.text.color != .ink }.map(\.text.color) == [color(k)], "∂δ/∂o in \(node.id)")
        }
        // Each arrow of the backward pass has the colour of the ∂δ/∂o it adds to.
        let layers = Dictionary(uniqueKeysWithValues: backward.nodes.map { ($0.id, $0.layer) })
        for edge in backward.edges {
            let k = try #require(layers[edge.to] ?? nil)
            #expect(edge.color == (k == 0 ? .muted : color(k)), "\(edge.from) → \(edge.to)")
        }
        let cost = try network.diagram(.cost)
        for node in cost.nodes where node.role == .neuron {
            #expect(node.labels.last?.text.color == color(depth))
        }
    }

    @Test(arguments: pictures)
    func nothingOverlaps(_ network: DiagramNetwork, _ kind: DiagramKind) throws {
        let diagram = try network.diagram(kind)
        let metrics = DiagramMetrics(notation: diagram.notation, numbers: diagram.numbers)
        // A frame drawn counts; the frame of a node drawn without one (an anchor of a plotted line) is not ink, and a
        // shaded block is a ground for what lies on it.
        var owned: [(owner: String, quad: DiagramQuad, what: String)] = diagram.nodes.filter { [.solid, .dashed].contains($0.outline) }
            .map { ($0.id, DiagramQuad($0.frame), "frame of \($0.id)") }
        for node in diagram.nodes {
            owned += node.labels.map { (node.id, metrics.outline(of: $0), "text of \(node.id)") }
        }
        owned += diagram.edges.compactMap { edge in edge.label.map { ("\(edge.from)-\(edge.to)", metrics.outline(of: $0), "label of \(edge.from) → \(edge.to)") } }
        owned += diagram.labels.enumerated().map { ("free\($0.offset)", metrics.outline(of: $0.element), "free text \($0.offset)") }
        for (index, first) in owned.enumerated() {
            for second in owned[(index + 1)...] where first.owner != second.owner {
                #expect(!first.quad.intersects(second.quad), "\(first.what) overlaps \(second.what)")
            }
        }
        for item in owned {
            let rect = item.quad.boundingRect
            #expect(rect.x >= diagram.bounds.x && rect.maxX <= diagram.bounds.maxX && rect.y >= diagram.bounds.y && rect.maxY <= diagram.bounds.maxY,
                    "\(item.what) lies outside the bounds")
        }
    }

    @Test(arguments: pictures)
    func edgesJoinTheFramesOfTheirNodes(_ network: DiagramNetwork, _ kind: DiagramKind) throws {
        let diagram = try network.diagram(kind)
        let frames = Dictionary(uniqueKeysWithValues: diagram.nodes.map { ($0.id, $0.frame) })
        #expect(frames.count == diagram.nodes.count, "node ids are unique")
        for edge in diagram.edges {
            let from = try #require(frames[edge.from]), to = try #require(frames[edge.to])
            #expect(Self.isOnBorder(edge.start, of: from), "\(edge.from) → \(edge.to) starts on its node")
            #expect(Self.isOnBorder(edge.end, of: to), "\(edge.from) → \(edge.to) ends on its node")
        }
    }

    @Test(arguments: DiagramNetwork.allCases)
    func focusesOnTheFirstNeuronOfTheLastHiddenLayer(_ network: DiagramNetwork) throws {
        let depth = network.blueprint.widths.count - 1
        let focus = depth > 1 ? depth - 1 : depth
        for kind in [DiagramKind.forwardNode, .backwardNode] {
            let diagram = try network.diagram(kind)
            #expect(diagram.nodes.contains { $0.id == "l\(focus)n0" && $0.dividers.count == 1 })
            #expect(diagram.title.pieces.last == .math(.of(.activation(layer: focus, neuron: 0))))
        }
    }

    @Test func drawsEachBiasOverItsNeuron() throws {
        let derivation = try DiagramNetwork.softmax.derivation()
        let diagram = NetworkDiagram(derivation: derivation, notation: DiagramNetwork.softmax.notation, kind: .network)
        let network = derivation.backpropagation.network
        for node in diagram.nodes where node.role == .neuron {
            let k = try #require(node.layer), j = try #require(node.neuron)
            let biases = try #require(network.layer(k).biases)
            let over = node.labels.filter { $0.position.y < node.frame.y }
            #expect(over.map { $0.text.pieces.last } == [.math(.constant(biases[j]))], "the bias over \(node.id)")
        }
    }

    @Test func backwardPassStartsAtOneAndItsArrowsCarryWhatTheyAdd() throws {
        let blueprint = NetworkBlueprint(widths: [2, 2, 2], activations: [.sigmoid, .sigmoid], loss: .halfSquared, hasBiases: true, seed: 7)
        let derivation = try Derivation(network: blueprint.network())
        let diagram = NetworkDiagram(derivation: derivation, notation: NoteNotation(depth: 2), kind: .backwardPass)
        let loss = try #require(diagram.nodes.first { $0.role == .loss })
        let delta = NoteNotation(depth: 2).name(of: Symbol.loss)
        #expect(loss.labels.map(\.text.pieces) == [[.partial(delta, delta)], [.math(.constant(1))]])
        // The arrows from layer 2 into layer 1 carry w · ∂δ/∂f, and those into a neuron add up to its ∂δ/∂o.
        let backpropagation = derivation.backpropagation
        let weights = backpropagation.network.layer(2).weights, errors = backpropagation.gradients(ofLayer: 2).preactivationGradient
        for i in 0..<2 {
            let into = diagram.edges.filter { $0.to == "l1n\(i)" }
            #expect(into.count == 2)
            var sum = 0.0
            for edge in into {
                let j = try #require(Int(edge.from.dropFirst(3)))
                let product = weights[i][j] * errors[j]
                #expect(edge.label?.text.pieces == [.math(.constant(product))], "\(edge.from) → \(edge.to)")
                sum += product
            }
            let expected = backpropagation.gradients(ofLayer: 1).outputGradient[i]
            #expect(abs(sum - expected) <= 1e-12 * abs(expected), "the arrows into l1n\(i) add up to its ∂δ/∂o")
        }
    }

    @Test(arguments: [DiagramKind.network, .backwardPass])
    func shadesASoftmaxLayerAsOneBlock(_ kind: DiagramKind) throws {
        let diagram = try DiagramNetwork.softmax.diagram(kind)
        let blocks = diagram.nodes.filter { $0.role == .block }
        #expect(blocks.map(\.layer) == [2] && blocks.allSatisfy { $0.outline == .shaded })
        let block = try #require(blocks.first)
        for node in diagram.nodes where node.layer == 2 && node.role == .neuron {
            let (ground, frame) = (block.frame, node.frame)
            #expect(ground.x < frame.x && frame.maxX < ground.maxX && ground.y < frame.y && frame.maxY < ground.maxY, "\(node.id) lies on the block")
        }
        #expect(try !DiagramNetwork.note.diagram(kind).nodes.contains { $0.role == .block })
    }

    @Test func drawsTheBiasIntoTheForwardNode() throws {
        let diagram = try DiagramNetwork.softmax.diagram(.forwardNode)
        let bias = try #require(diagram.nodes.first { $0.role == .bias })
        #expect(diagram.edges.contains { $0.from == bias.id && $0.to == "l1n0" })
        #expect(try !DiagramNetwork.note.diagram(.forwardNode).nodes.contains { $0.role == .bias })
    }

    @Test func fitsAnA4PageAtTwoThirdsOfItsSizeOrMore() throws {
        // A4 with 2 cm margins leaves a 17 cm line and a 25.7 cm page; a picture up to 25 cm wide is set at 68 % or more.
        for network in DiagramNetwork.allCases {
            for kind in DiagramKind.allCases {
                let diagram = try network.diagram(kind)
                #expect(diagram.bounds.width <= 25, "\(network) \(kind) is \(diagram.bounds.width) cm wide")
                #expect(diagram.bounds.height <= 22, "\(network) \(kind) is \(diagram.bounds.height) cm high")
            }
        }
    }

    @Test(arguments: [
        (LegendNotation.note, SymbolName("f", subscripts: ["k", "j"]), SymbolName("w", subscripts: ["k-1", "i", "j"])),
        (.fourDiagrams, SymbolName("L", subscripts: ["j"], superscript: "k"), SymbolName("W", subscripts: ["i", "j"], superscript: "k")),
        // The textbook's own letters, as in its notation section: layer l, neuron j fed from neuron k.
        (.textbook, SymbolName("z", subscripts: ["j"], superscript: "(l)"), SymbolName("w", subscripts: ["j", "k"], superscript: "(l)")),
    ])
    func legendsNameQuantitiesInTheNotation(_ notation: LegendNotation, _ preactivation: SymbolName, _ weight: SymbolName) throws {
        let diagram = NetworkDiagram(derivation: try DiagramNetwork.note.derivation(), notation: notation.notation, kind: .network)
        let pieces = diagram.labels.flatMap(\.text.pieces)
        #expect(pieces.contains(.name(preactivation)))
        #expect(pieces.contains(.name(weight)))
    }

    @Test func layoutIsDeterministic() throws {
        let svg = SVGDiagramWriter(), tikz = TikZDiagramWriter()
        for kind in DiagramKind.allCases {
            var first = "", second = ""
            svg.write(try DiagramNetwork.summarised.diagram(kind), to: &first)
            svg.write(try DiagramNetwork.summarised.diagram(kind), to: &second)
            tikz.write(try DiagramNetwork.summarised.diagram(kind), to: &first)
            tikz.write(try DiagramNetwork.summarised.diagram(kind), to: &second)
            #expect(first == second)
        }
    }

    @Test func turnedRectanglesOverlapOnlyWhenTheyMeet() {
        let level = DiagramQuad(DiagramRect(x: 0, y: 0, width: 2, height: 0.4))
        let crossing = DiagramQuad(center: DiagramPoint(x: 1, y: 0.2), width: 2, height: 0.4, degrees: 60)
        let beside = DiagramQuad(center: DiagramPoint(x: 1, y: 1.2), width: 2, height: 0.4, degrees: 20)
        #expect(level.intersects(crossing))
        #expect(!level.intersects(beside))
        #expect(!DiagramQuad(DiagramRect(x: 2, y: 0, width: 1, height: 1)).intersects(level), "touching is not overlapping")
    }

    @Test func writesCoordinatesRoundedToHundredths() {
        #expect(DiagramCoordinate.string(1.5) == "1.5")
        #expect(DiagramCoordinate.string(2) == "2")
        #expect(DiagramCoordinate.string(-0.25) == "-0.25")
        #expect(DiagramCoordinate.string(0.05) == "0.05")
        #expect(DiagramCoordinate.string(-0.004) == "0")
        #expect(DiagramCoordinate.string(12.345) == "12.35" || DiagramCoordinate.string(12.345) == "12.34")
        #expect(DiagramCoordinate.string(.nan) == "0")
    }

    private static func isOnBorder(_ point: DiagramPoint, of frame: DiagramRect) -> Bool {
        let tolerance = 1e-9
        let inside = point.x >= frame.x - tolerance && point.x <= frame.maxX + tolerance && point.y >= frame.y - tolerance && point.y <= frame.maxY + tolerance
        let onEdge = Swift.abs(point.x - frame.x) < tolerance || Swift.abs(point.x - frame.maxX) < tolerance
            || Swift.abs(point.y - frame.y) < tolerance || Swift.abs(point.y - frame.maxY) < tolerance
        return inside && onEdge
    }
}

/// The notations whose legends are checked.
enum LegendNotation: String, CaseIterable, CustomTestStringConvertible {
    case note, fourDiagrams, textbook

    var notation: any Notation {
        switch self {
        case .note: return NoteNotation(depth: 3)
        case .fourDiagrams: return FourDiagramsNotation(depth: 3)
        case .textbook: return TextbookNotation(depth: 3)
        }
    }

    var testDescription: String { rawValue }
}
