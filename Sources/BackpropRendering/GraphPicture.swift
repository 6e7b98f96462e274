import BackpropKit

/// The computational graph of a derivation drawn with TikZ: each node with its value and, in a second
/// colour, its adjoint (or forward mode's tangent) as the sum of what the pass brings it along each edge;
/// each edge with its local derivative, and beside it an edge in the second colour for the pass.
package struct GraphPicture {
    /// The largest graph drawn: more nodes, rows or nodes side by side would not fit a page legibly.
    static let maximumNodes = 24
    static let maximumRows = 9
    static let maximumRowWidth = 6
    /// The colour of the backward pass (or of the tangents).
    static let passColor = "red"

    /// The distance between neighbouring nodes of a row, and between rows, in centimetres.
    static let columnWidth = 3.9
    static let rowHeight = 2.5
    /// How far the second colour's edge runs beside the black one, in points.
    static let passOffset = 4.0

    /// A node's adjoint (or tangent) is shown as the sum of what arrives at it when that sum is at most this
    /// many characters of LaTeX, so that a node stays narrower than the space between nodes.
    static let longestSumShown = 12

    /// The significant digits of the numbers in the picture.
    static let digits = 4

    let derivation: GraphDerivation
    /// Prints the labels, numbers to at most four significant digits.
    let printer: MathPrinter<LaTeXMath>
    let layout: GraphLayout

    /// How the picture rounds what it computes itself, the products each edge brings a node: to its digits.
    let rounding: Rounding

    /// The picture of `derivation`, naming symbols with `notation` and numbers at most as precise as `numbers`.
    init(derivation: GraphDerivation, notation: any Notation, numbers: NumberFormat) {
        self.derivation = derivation
        let digits = min(numbers.significantDigits ?? Self.digits, Self.digits)
        let format = numbers.significantDigits == digits ? numbers : NumberFormat(significantDigits: digits, keepsTrailingZeros: false)
            .printing(exactly: numbers.exactValues)
        self.printer = MathPrinter(LaTeXMath(), notation: notation, numbers: format)
        self.rounding = Rounding(significantDigits: digits)
        self.layout = GraphLayout(graph: derivation.graph)
    }

    private var graph: ComputationGraph { derivation.graph }

    /// Whether the graph is small enough to draw.
    var isDrawable: Bool {
        graph.nodes.count <= Self.maximumNodes && layout.rows.count <= Self.maximumRows && layout.width <= Self.maximumRowWidth
    }

    /// Whether a number in the picture is shown rounded.
    var roundsNumbers: Bool {
        (values + graph.edges.indices.flatMap { [derivation.forward.localDerivatives[$0], flow(along: $0)] })
            .contains { Double(printer.numbers.string($0)) != $0 }
    }

    /// The `tikzpicture`, centred.
    var tikz: String {
        var lines = [
            "\\begin{center}",
            "\\begin{tikzpicture}[x=\(Self.columnWidth)cm, y=\(Self.rowHeight)cm, >=stealth,",
            "  value/.style={draw, rounded corners, align=center, fill=white, inner sep=3pt},",
            "  local/.style={font=\\footnotesize, inner sep=2pt},",
            "  pass/.style={->, densely dashed, \(Self.passColor)}]",
        ]
        for node in graph.nodes.indices {
            let name = Expression.symbol(graph.nodes[node].symbol)
            let value = math(name) + " = " + number(derivation.forward.values[node])
            var second = math(.symbol(secondSymbol(of: node))) + " = "
            let arriving = arrivingEdges(at: node)
            let sum = math(.sum(arriving.map { .constant(flow(along: $0)) }))
            if arriving.count > 1 && sum.count <= Self.longestSumShown && addsUp(arriving, to: values[node]) { second += sum + " = " }
            second += number(values[node])
            lines.append("\\node[value] (n\(node)) at (\(coordinate(layout.x[node])), \(layout.row[node])) {$\(value)$\\\\\\textcolor{\(Self.passColor)}{$\(second)$}};")
        }
        for index in graph.edges.indices {
            let edge = graph.edges[index]
            let parallel = graph.incomingEdges(of: edge.to).filter { graph.edges[$0].from == edge.from }
            let place = parallel.firstIndex(of: index) ?? 0
            let around = detour(from: edge.from, to: edge.to)
            let bend = Int((Double(place) - Double(parallel.count - 1) / 2) * 40) + around
            let path = "to[bend left=\(bend)]"
            // Labels go on the outer side of an edge, away from the other edges into the same node; parallel
            // edges carry all their labels on the outermost one. The second colour's edge runs on the inner side.
            let outward = around != 0 ? around > 0 : labelsLeft(from: edge.from, to: edge.to)
            let side = outward ? "auto" : "auto, swap"
            var labels = ""
            if place == (outward ? parallel.count - 1 : 0) {
                for (order, labelled) in parallel.enumerated() {
                    let pos = NumberFormat.roundTrip.string((Double(order + 1) / Double(parallel.count + 1) * 100).rounded() / 100)
                    labels += " node[local, pos=\(pos), \(side)] {$\(localLabel(labelled))$}"
                }
            }
            lines.append("\\draw[->] (n\(edge.from)) \(path)\(labels) (n\(edge.to));")
            let shift = "transform canvas={shift={\(offset(from: edge.from, to: edge.to, left: !outward))}}"
            switch derivation.accumulation {
            case .reverse:
                let back = "to[bend right=\(bend)]"
                lines.append("\\draw[pass, \(shift)] (n\(edge.to)) \(back) (n\(edge.from));")
            case .forward:
                lines.append("\\draw[pass, \(shift)] (n\(edge.from)) \(path) (n\(edge.to));")
            }
        }
        lines += ["\\end{tikzpicture}", "\\end{center}"]
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Numbers

    /// The adjoints, or forward mode's tangents.
    private var values: [Double] {
        switch derivation.accumulation {
        case .reverse(let reverse): return reverse.adjoints
        case .forward(let forward): return forward.tangents
        }
    }

    /// The symbol of a node's adjoint or tangent.
    private func secondSymbol(of node: Int) -> Symbol {
        switch derivation.accumulation {
        case .reverse: return .adjoint(graph.nodes[node].name)
        case .forward: return .tangent(graph.nodes[node].name)
        }
    }

    /// The edges whose second-colour numbers add up to a node's adjoint (the edges leaving it) or tangent
    /// (the edges entering it).
    private func arrivingEdges(at node: Int) -> [Int] {
        switch derivation.accumulation {
        case .reverse: return graph.outgoingEdges(of: node)
        case .forward: return Array(graph.incomingEdges(of: node))
        }
    }

    /// What the pass sends along an edge: w̄ · ∂w/∂v backwards, or ∂w/∂v · v̇ forwards.
    private func flow(along index: Int) -> Double {
        let edge = graph.edges[index]
        let local = derivation.forward.localDerivatives[index]
        var product = rounding.sum()
        switch derivation.accumulation {
        case .reverse(let reverse): product.add(reverse.adjoints[edge.to], times: local)
        case .forward(let forward): product.add(local, times: forward.tangents[edge.from])
        }
        return product.value
    }

    /// Whether the flows along `edges`, as the picture prints them, add up to `total` as printed: the sum is
    /// shown only then, and only when the picture prints the derivation's rounded values, so that the
    /// picture's arithmetic is true at its digits.
    private func addsUp(_ edges: [Int], to total: Double) -> Bool {
        guard derivation.forward.rounding == rounding else { return false }
        var sum = rounding.sum()
        for edge in edges { sum.add(flow(along: edge)) }
        return sum.value == rounding(total)
    }

    /// The bend, in degrees to the left, that takes an edge spanning several rows around the nodes on its
    /// straight path; 0 when nothing is in the way.
    private func detour(from: Int, to: Int) -> Int {
        let (start, end) = (layout.row[from], layout.row[to])
        guard end - start > 1 else { return 0 }
        for row in (start + 1)..<end {
            let along = Double(row - start) / Double(end - start)
            let line = layout.x[from] + (layout.x[to] - layout.x[from]) * along
            if let blocking = layout.rows[row].first(where: { abs(layout.x[$0] - line) < 0.6 }) {
                return layout.x[blocking] >= line ? 35 : -35
            }
        }
        return 0
    }

    /// The position of `node` in centimetres.
    private func position(_ node: Int) -> (x: Double, y: Double) {
        (layout.x[node] * Self.columnWidth, Double(layout.row[node]) * Self.rowHeight)
    }

    /// The unit vector to the left of the edge from `from` to `to`.
    private func leftNormal(from: Int, to: Int) -> (x: Double, y: Double) {
        let (start, end) = (position(from), position(to))
        let (dx, dy) = (end.x - start.x, end.y - start.y)
        let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
        return (-dy / length, dx / length)
    }

    /// Whether the left of the edge from `from` to `to` is its outer side: away from the other operands of
    /// `to` when `from` lies to one side of them, away from an edge that bends around it, otherwise away from
    /// the middle of the picture.
    private func labelsLeft(from: Int, to: Int) -> Bool {
        let normal = leftNormal(from: from, to: to)
        let siblings = graph.nodes[to].operands.filter { $0 != from }
        if !siblings.isEmpty {
            let middle = siblings.reduce(0) { $0 + position($1).x } / Double(siblings.count)
            let side = position(from).x - middle
            if abs(side) > 1e-9 { return normal.x * side > 0 }
        }
        let middle = (layout.x[from] + layout.x[to]) / 2
        let middleRow = Double(layout.row[from] + layout.row[to]) / 2
        for other in graph.edges where other.to != to || other.from != from {
            let bent = detour(from: other.from, to: other.to)
            let (start, end) = (Double(layout.row[other.from]), Double(layout.row[other.to]))
            guard bent != 0, start < middleRow, middleRow < end else { continue }
            let line = layout.x[other.from] + (layout.x[other.to] - layout.x[other.from]) * (middleRow - start) / (end - start)
            if abs(line - middle) < 0.6 { return bent < 0 }
        }
        let points = graph.nodes.indices.map(position)
        let centre = (x: points.reduce(0) { $0 + $1.x } / Double(points.count), y: points.reduce(0) { $0 + $1.y } / Double(points.count))
        let (start, end) = (position(from), position(to))
        let offset = (x: (start.x + end.x) / 2 - centre.x, y: (start.y + end.y) / 2 - centre.y)
        return normal.x * offset.x + normal.y * offset.y >= 0
    }

    /// The shift that sets the second colour's edge `passOffset` points to the left (or right) of the edge.
    private func offset(from: Int, to: Int, left: Bool) -> String {
        let normal = leftNormal(from: from, to: to)
        let scale = (left ? 1 : -1) * Self.passOffset
        let x = (normal.x * scale * 100).rounded() / 100
        let y = (normal.y * scale * 100).rounded() / 100
        return "(\(coordinate(x))pt, \(coordinate(y))pt)"
    }

    /// ∂v/∂u = value, for the label of an edge.
    private func localLabel(_ index: Int) -> String {
        let edge = graph.edges[index]
        return "\\partial " + math(.symbol(graph.nodes[edge.to].symbol)) + "/\\partial " + math(.symbol(graph.nodes[edge.from].symbol))
            + " = " + number(derivation.forward.localDerivatives[index])
    }

    private func math(_ expression: Expression) -> String { printer.string(expression) }
    private func number(_ value: Double) -> String { printer.string(.constant(value)) }
    private func coordinate(_ value: Double) -> String { NumberFormat.roundTrip.string(value) }
}
