import BackpropKit

/// The computational graph of a derivation as a ``NetworkDiagram``, laid out in ranks like Graphviz's dot:
/// the inputs at the bottom, the output at the top, each node showing its value and, in red, its adjoint (or
/// forward mode's tangent); beside each edge its local derivative and, in red, what the pass sends along it.
///
/// Each edge is given a rank of its own for its texts between the ranks of its nodes, as dot gives edge
/// labels virtual nodes, so a text never lies over another text, a node or a line; a long edge passes the
/// ranks between its ends through places kept free for it.
package struct GraphPicture {
    /// The most nodes drawn; the layout's work grows with the square of the edges between two ranks.
    static let maximumNodes = 60
    /// The widest and tallest picture drawn, in centimetres: 20.5 cm set on a 16 cm line keeps 9 pt text at 7 pt.
    static let maximumWidth = 20.5
    static let maximumHeight = 23.0
    /// The colour of the second pass.
    static let passColor = DiagramColor.backward
    /// The room between the bands of ranks.
    static let rankGap = 0.4
    /// How far the texts of an edge stand from its line.
    static let labelGap = 0.14
    /// The room above and below the texts of an edge, between them and the lines leaving their rank.
    static let labelMargin = 0.05

    /// The significant digits of the numbers in the picture.
    static let digits = 4

    /// The derivation drawn.
    let derivation: GraphDerivation
    /// How the picture writes numbers: the handout's format, at most four significant digits.
    package let numbers: NumberFormat
    /// The picture, or `nil` when the graph is too large to draw legibly.
    package let diagram: NetworkDiagram?
    /// The numbers printed.
    private let printed: GraphPictureNumbers

    /// The picture of `derivation`, naming symbols with `notation` and numbers at most as precise as `numbers`.
    /// The derivation's given values are written as given, unpadded.
    package init(derivation: GraphDerivation, notation: any Notation, numbers given: NumberFormat) {
        self.derivation = derivation
        let numbers = given.printing(exactly: derivation.givenValues)
        let digits = Swift.min(numbers.significantDigits ?? Self.digits, Self.digits)
        // The handout's own format when the picture prints its digits; shortened values for display, unpadded.
        let format = numbers.significantDigits == digits
            ? numbers : NumberFormat(significantDigits: digits, keepsTrailingZeros: false).printing(exactly: Array(numbers.exactValues))
        self.numbers = format
        let printed = GraphPictureNumbers(derivation)
        self.printed = printed
        guard derivation.graph.nodes.count <= Self.maximumNodes else {
            diagram = nil
            return
        }
        var drawing = Drawing(derivation: derivation, notation: notation, metrics: DiagramMetrics(notation: notation, numbers: format), numbers: printed)
        drawing.draw()
        let picture = NetworkDiagram(kind: .graph, title: DiagramText([.words("The computational graph")], style: .note),
                                     notation: notation, numbers: format, canvas: drawing.canvas)
        let fits = picture.bounds.width <= Self.maximumWidth && picture.bounds.height <= Self.maximumHeight
        diagram = fits ? picture : nil
    }

    /// Whether the graph is small enough to draw.
    package var isDrawable: Bool { diagram != nil }

    /// Whether a number in the picture is shown rounded.
    package var roundsNumbers: Bool {
        printed.all.contains { Double(numbers.string($0)) != $0 }
    }
}

extension GraphPicture {
    /// Lays out one graph on a canvas.
    private struct Drawing {
        let derivation: GraphDerivation
        let notation: any Notation
        let metrics: DiagramMetrics
        let numbers: GraphPictureNumbers
        var canvas: DiagramCanvas

        init(derivation: GraphDerivation, notation: any Notation, metrics: DiagramMetrics, numbers: GraphPictureNumbers) {
            self.derivation = derivation
            self.notation = notation
            self.metrics = metrics
            self.numbers = numbers
            canvas = DiagramCanvas(metrics: metrics)
        }

        var graph: ComputationGraph { derivation.graph }

        /// Whether the pass is reverse mode's.
        var isReverse: Bool {
            if case .reverse = derivation.accumulation { return true }
            return false
        }

        // MARK: Texts

        /// `v = 3`, and in red `v̄ = 1`: the two parts of a node.
        func parts(of node: Int) -> [DiagramText] {
            let name = graph.nodes[node].name
            let second: Symbol = isReverse ? .adjoint(name) : .tangent(name)
            return [DiagramText([.math(.symbol(.variable(name))), .equals, .math(.constant(numbers.values[node]))], style: .name),
                    DiagramText([.math(.symbol(second)), .equals, .math(.constant(numbers.passValues[node]))], style: .name, color: GraphPicture.passColor)]
        }

        /// `∂v/∂u = 2` and in red `3 · 2 = 6`: the texts beside an edge. The uses of one node by one operation are
        /// numbered, so the two edges of x · x are told apart.
        func texts(of index: Int) -> [DiagramText] {
            let edge = graph.edges[index]
            let operands = graph.nodes[edge.to].operands
            var local: [DiagramText.Piece] = [partial(edge.to, edge.from)]
            if operands.filter({ $0 == edge.from }).count > 1 {
                let use = operands[..<edge.operand].filter { $0 == edge.from }.count + 1
                local.append(.words(" (use \(use))"))
            }
            let contribution = numbers.contributions[index]
            return [DiagramText(local + [.equals, .math(.constant(numbers.localDerivatives[index]))], style: .value),
                    DiagramText([.math(contribution.product), .equals, .math(.constant(contribution.value))], style: .value, color: GraphPicture.passColor)]
        }

        func partial(_ of: Int, _ variable: Int) -> DiagramText.Piece {
            .partial(notation.name(of: graph.nodes[of].symbol), notation.name(of: graph.nodes[variable].symbol))
        }

        // MARK: Layout

        mutating func draw() {
            let ranks = GraphPicture.ranks(of: graph)
            // Node parts side by side, every node as high as the tallest; a padding around each text.
            let padding = DiagramLayout.padding
            let nodeParts = graph.nodes.indices.map(parts(of:))
            let partWidths = nodeParts.map { $0.map { metrics.width($0) + 2 * padding } }
            let nodeHeight = nodeParts.flatMap { $0.map(metrics.lineHeight) }.max().map { $0 + 2 * padding } ?? 0
            var boxes = graph.nodes.indices.map { node in
                let width = partWidths[node].reduce(0, +)
                return LayeredLayout.Box(rank: 2 * ranks[node], left: width / 2, right: width / 2, height: nodeHeight, isVirtual: false)
            }
            var links: [(lower: Int, upper: Int)] = []
            let edgeTexts = graph.edges.indices.map(texts(of:))
            // Each edge: a chain of boxes through the ranks between its ends; its texts in the middle one, right of its line.
            var chains: [[Int]] = []
            var textBox: [Int] = []
            for (index, edge) in graph.edges.enumerated() {
                let (low, high) = (2 * ranks[edge.from], 2 * ranks[edge.to])
                let span = (high - low) / 2
                let textRank = low + 2 * (span / 2) + 1
                var chain: [Int] = []
                var previous = edge.from
                for rank in (low + 1)..<high {
                    let isText = rank == textRank
                    let width = isText ? (edgeTexts[index].map(metrics.width).max() ?? 0) + GraphPicture.labelGap : 0
                    let height = isText ? edgeTexts[index].reduce(2 * GraphPicture.labelMargin) { $0 + metrics.lineHeight($1) } : 0
                    boxes.append(LayeredLayout.Box(rank: rank, left: isText ? 0.06 : 0, right: width, height: height, isVirtual: true))
                    if isText { textBox.append(boxes.count - 1) }
                    chain.append(boxes.count - 1)
                    links.append((previous, boxes.count - 1))
                    previous = boxes.count - 1
                }
                links.append((previous, edge.to))
                chains.append(chain)
            }
            let layout = LayeredLayout(boxes: boxes, links: links, rankGap: GraphPicture.rankGap)

            var frames: [DiagramRect] = []
            for node in graph.nodes.indices {
                let rank = boxes[node].rank
                let frame = DiagramRect(x: layout.x[node] - boxes[node].left, y: layout.top(of: rank),
                                        width: boxes[node].left + boxes[node].right, height: nodeHeight)
                frames.append(frame)
                canvas.add(self.node(node, frame: frame, parts: nodeParts[node], widths: partWidths[node]))
            }
            let ports = self.ports(chains: chains, layout: layout, frames: frames)
            for (index, edge) in graph.edges.enumerated() {
                var points = [ports.start[index]]
                for box in chains[index] {
                    let rank = boxes[box].rank
                    points += [DiagramPoint(x: layout.x[box], y: layout.bottom(of: rank)), DiagramPoint(x: layout.x[box], y: layout.top(of: rank))]
                }
                points.append(ports.end[index])
                var y = layout.rankMiddle[boxes[textBox[index]].rank] - boxes[textBox[index]].height / 2 + GraphPicture.labelMargin
                let labels = edgeTexts[index].map { text -> DiagramLabel in
                    let height = metrics.lineHeight(text)
                    defer { y += height }
                    return DiagramLabel(text, at: DiagramPoint(x: layout.x[textBox[index]] + GraphPicture.labelGap, y: y + height / 2), anchor: .leading)
                }
                let route = Self.withoutStraightCorners(points)
                canvas.add(DiagramEdge(from: "n\(edge.from)", to: "n\(edge.to)", start: route[0], waypoints: Array(route.dropFirst().dropLast()),
                                       end: route[route.count - 1], color: .ink, labels: labels))
            }
            legend()
        }

        /// Where each edge leaves its lower node's top and enters its upper node's bottom: spread along the side in
        /// the order of where the edges go, so arrows arriving at one node do not meet.
        private func ports(chains: [[Int]], layout: LayeredLayout, frames: [DiagramRect]) -> (start: [DiagramPoint], end: [DiagramPoint]) {
            var start = Array(repeating: DiagramPoint(x: 0, y: 0), count: graph.edges.count), end = start
            func spread(_ edges: [Int], on frame: DiagramRect, y: Double, toward: (Int) -> Double) -> [(Int, DiagramPoint)] {
                let sorted = edges.sorted { (toward($0), $0) < (toward($1), $1) }
                let step = Swift.min(0.35, 0.7 * frame.width / Double(Swift.max(sorted.count, 1)))
                return sorted.enumerated().map { position, edge in
                    (edge, DiagramPoint(x: frame.center.x + (Double(position) - Double(sorted.count - 1) / 2) * step, y: y))
                }
            }
            for node in graph.nodes.indices {
                let frame = frames[node]
                for (edge, point) in spread(graph.outgoingEdges(of: node), on: frame, y: frame.y, toward: { layout.x[chains[$0].first ?? 0] }) {
                    start[edge] = point
                }
                for (edge, point) in spread(Array(graph.incomingEdges(of: node)), on: frame, y: frame.maxY, toward: { layout.x[chains[$0].last ?? 0] }) {
                    end[edge] = point
                }
            }
            return (start, end)
        }

        /// `points` without those where the line runs straight on, so only real bends are rounded.
        private static func withoutStraightCorners(_ points: [DiagramPoint]) -> [DiagramPoint] {
            var result: [DiagramPoint] = []
            for point in points {
                if let last = result.last, last.distance(to: point) < 1e-9 { continue }
                if result.count >= 2 {
                    let (a, b) = (result[result.count - 2], result[result.count - 1])
                    let cross = (b.x - a.x) * (point.y - b.y) - (b.y - a.y) * (point.x - b.x)
                    if Swift.abs(cross) < 1e-9 { result.removeLast() }
                }
                result.append(point)
            }
            return result
        }

        /// A node: its parts side by side in `frame`.
        private func node(_ node: Int, frame: DiagramRect, parts: [DiagramText], widths: [Double]) -> DiagramNode {
            var left = frame.x
            var labels: [DiagramLabel] = []
            var dividers: [Double] = []
            for (text, width) in zip(parts, widths) {
                if left > frame.x { dividers.append(left) }
                labels.append(DiagramLabel(text, at: DiagramPoint(x: left + width / 2, y: frame.center.y)))
                left += width
            }
            return DiagramNode(id: "n\(node)", role: graph.nodes[node].isInput ? .input : .neuron, layer: nil, neuron: node, frame: frame,
                               outline: .solid, outlineColor: .ink, dividers: dividers, labels: labels)
        }

        /// What the texts say, under the picture.
        private mutating func legend() {
            let (u, v) = (SymbolName("u"), SymbolName("v"))
            let output = notation.name(of: graph.nodes[graph.output].symbol)
            let lines: [DiagramText]
            if case .forward(let mode) = derivation.accumulation {
                let input = notation.name(of: graph.nodes[mode.input].symbol)
                lines = [
                    DiagramText([.words("In each node: its value "), .name(v), .words(" and, in red, its tangent "), .math(.symbol(.tangent("v"))),
                                 .equals, .partial(v, input), .words(".")], style: .note),
                    DiagramText([.words("Beside each edge from "), .name(u), .words(" to "), .name(v), .words(": "), .partial(v, u),
                                 .words(" and, in red, "), .partial(v, u), .times, .math(.symbol(.tangent("u"))),
                                 .words(", what forward mode adds to "), .math(.symbol(.tangent("v"))), .words(".")], style: .note),
                ]
            } else {
                lines = [
                    DiagramText([.words("In each node: its value "), .name(v), .words(" and, in red, its adjoint "), .math(.symbol(.adjoint("v"))),
                                 .equals, .partial(output, v), .words(".")], style: .note),
                    DiagramText([.words("Beside each edge from "), .name(u), .words(" to "), .name(v), .words(": "), .partial(v, u),
                                 .words(" and, in red, "), .math(.symbol(.adjoint("v"))), .times, .partial(v, u),
                                 .words(", what the backward pass adds to "), .math(.symbol(.adjoint("u"))), .words(".")], style: .note),
                ]
            }
            canvas.addLegend(lines)
        }
    }

    /// The rank of each node, inputs lowest: an operation one above its highest operand (the longest path from
    /// the inputs), and an input just under the lowest operation it feeds, so its edges are short.
    static func ranks(of graph: ComputationGraph) -> [Int] {
        var rank = Array(repeating: 0, count: graph.nodes.count)
        for node in graph.nodes.indices {
            rank[node] = graph.nodes[node].operands.map { rank[$0] + 1 }.max() ?? 0
        }
        for input in graph.inputs {
            let consumers = graph.outgoingEdges(of: input).map { rank[graph.edges[$0].to] }
            rank[input] = Swift.max((consumers.min() ?? 1) - 1, 0)
        }
        return rank
    }
}
