import BackpropKit

// MARK: - One neuron and its neighbours

extension DiagramLayout {
    /// Which side of the neuron a column of neighbours stands on.
    enum Side {
        /// Its inputs, before it.
        case left
        /// What it feeds, after it.
        case right
    }

    /// An edge between the neuron of a one-neuron picture and one of its neighbours.
    struct StarEdge {
        /// The neighbour's neuron.
        var neuron: Int
        /// Whether the arrow points at the centre neuron rather than at the neighbour.
        var pointsInward: Bool
        /// The colour of the line.
        var color: DiagramColor
        /// Whether the line is dashed, as context.
        var isDashed = false
        /// The text on the line.
        var label: DiagramText?
    }

    /// The gaps tried between a neuron and a column of neighbours, narrowest first, until every label fits.
    static let starGaps = [2.2, 2.8, 3.4, 4.0, 4.8, 5.6, 6.4]

    /// Places `column` on `side` of `center`, joined to it by `edges`, at the narrowest gap where all labels fit
    /// (or the narrowest tried, unlabelled, when none does).
    /// - Returns: the neighbours' nodes, by neuron.
    mutating func placeStar(_ column: GridColumn, beside center: DiagramNode, on side: Side, edges: [StarEdge]) -> [Int: DiagramNode] {
        let widths = partWidths(Array(column.boxes.values))
        let height = height(Array(column.boxes.values))
        let width = widths.reduce(0, +)
        let centers = rowCenters(column.selection, pitch: Swift.max(height + 0.4, 1.25)).map { $0 + center.frame.center.y }
        // Room for the widest label and a stretch of line on either side of it.
        let widest = edges.compactMap(\.label).map(metrics.width).max()
        let roomy = widest.map { widest in Self.starGaps.filter { $0 >= widest + 1.4 } } ?? [Self.starGaps[0]]
        let gaps = roomy.isEmpty ? Array(Self.starGaps.suffix(1)) : roomy
        func x(_ gap: Double) -> Double { side == .left ? center.frame.x - gap - width / 2 : center.frame.maxX + gap + width / 2 }
        for gap in gaps {
            var trial = self
            let nodes = trial.placeColumn(column, x: x(gap), centers: centers, widths: widths, height: height)
            if trial.connect(edges, center: center, nodes, side: side, withLabels: true) {
                self = trial
                return nodes
            }
        }
        let nodes = placeColumn(column, x: x(gaps.first ?? Self.starGaps[0]), centers: centers, widths: widths, height: height)
        _ = connect(edges, center: center, nodes, side: side, withLabels: false)
        return nodes
    }

    /// Adds `edges` between `center` and its placed neighbours.
    /// - Returns: `false` when some label found no free place.
    private mutating func connect(_ edges: [StarEdge], center: DiagramNode, _ neighbours: [Int: DiagramNode], side: Side,
                                  withLabels: Bool) -> Bool {
        // A few labels sit midway; many sit nearer the neighbours, where the lines are further apart.
        let fromNeighbour = edges.count > 3 ? [0.36, 0.3, 0.42, 0.48, 0.26, 0.54] : [0.5, 0.44, 0.38, 0.32, 0.56, 0.26]
        let positions = side == .left ? fromNeighbour : fromNeighbour.map { 1 - $0 }
        let placed = edges.compactMap { spec -> (StarEdge, DiagramEdge)? in
            guard let neighbour = neighbours[spec.neuron] else { return nil }
            let (from, to) = spec.pointsInward ? (neighbour, center) : (center, neighbour)
            return (spec, self.edge(from: from, to: to, color: spec.color, isDashed: spec.isDashed))
        }
        // A label keeps off the lines of the edges still to come, too.
        var coming = placed.map { DiagramCanvas.strokes(of: $0.1) }
        for (spec, plain) in placed {
            var edge = plain
            coming.removeFirst()
            if withLabels, let text = spec.label {
                guard let label = freeLabel(text, from: edge.start, to: edge.end, positions: positions, clearOf: coming.flatMap { $0 }) else { return false }
                edge = edge.labelled(label)
            }
            canvas.add(edge)
        }
        return true
    }

    /// Writes the heading lines of each column centred over it, all starting at one height above everything placed.
    mutating func headers(_ columns: [(x: Double, lines: [DiagramText])]) {
        let top = canvas.bounds.y + 0.1
        for (x, lines) in columns {
            var y = top
            for line in lines.reversed() {
                y -= metrics.lineHeight(line) / 2
                canvas.add(DiagramLabel(line, at: DiagramPoint(x: x, y: y)))
                y -= metrics.lineHeight(line) / 2
            }
        }
    }
}
