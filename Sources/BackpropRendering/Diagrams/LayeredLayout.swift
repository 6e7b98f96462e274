/// A drawing of a layered graph after Graphviz's dot (Gansner, Koutsofios, North and Vo, "A Technique for
/// Drawing Directed Graphs", 1993): boxes already given a rank, and links only between boxes of adjacent
/// ranks (a long edge is a chain of virtual boxes, one per rank it passes). The layout orders each rank to
/// reduce crossings (barycenters, then transposing neighbours), assigns each box an x that keeps its links
/// short and straight without two boxes of a rank overlapping, and stacks the ranks, rank 0 at the bottom.
///
/// Every box keeps its own stretch of its rank's band, so a line drawn straight through a virtual box
/// crosses no other box, and a text set in a box overlaps no other text.
struct LayeredLayout {
    /// A box to place: how far it reaches left and right of the point it is placed at, and how high it is.
    struct Box {
        /// The rank, 0 at the bottom.
        var rank: Int
        /// The reach left of its x.
        var left: Double
        /// The reach right of its x.
        var right: Double
        /// The height.
        var height: Double
        /// Whether it only carries a line (a virtual box of a long edge), which is kept straight first.
        var isVirtual: Bool
    }

    /// The boxes.
    let boxes: [Box]
    /// Each box's boxes in the rank above and below it that it is linked to.
    private let above: [[Int]], below: [[Int]]
    /// The boxes of each rank, left to right.
    private(set) var order: [[Int]]
    /// The x of each box.
    private(set) var x: [Double]
    /// The vertical middle of each rank's band, rank 0 lowest (y grows downwards).
    private(set) var rankMiddle: [Double] = []
    /// The height of each rank's band: its tallest box.
    private(set) var rankHeight: [Double] = []

    /// The room between two boxes of a rank.
    static let gap = 0.3
    /// The sweeps of crossing reduction tried.
    static let sweeps = 24
    /// The sweeps of coordinate assignment.
    static let placementSweeps = 12

    /// The layout of `boxes` joined by `links` (each a box and a box of the rank above it), ranks `rankGap` apart.
    init(boxes: [Box], links: [(lower: Int, upper: Int)], rankGap: Double) {
        self.boxes = boxes
        var above = Array(repeating: [Int](), count: boxes.count), below = above
        for link in links {
            above[link.lower].append(link.upper)
            below[link.upper].append(link.lower)
        }
        self.above = above
        self.below = below
        let rankCount = (boxes.map(\.rank).max() ?? -1) + 1
        var order = Array(repeating: [Int](), count: rankCount)
        for (index, box) in boxes.enumerated() { order[box.rank].append(index) }
        self.order = order
        x = Array(repeating: 0, count: boxes.count)
        reduceCrossings()
        assignCoordinates()
        stackRanks(gap: rankGap)
    }

    /// The number of pairs of links that cross.
    var crossings: Int {
        order.indices.dropLast().reduce(0) { $0 + crossings(between: $1, positions: positions) }
    }

    // MARK: - Ordering

    /// The position of every box in its rank.
    private var positions: [Int] {
        var positions = Array(repeating: 0, count: boxes.count)
        for rank in order { for (position, box) in rank.enumerated() { positions[box] = position } }
        return positions
    }

    /// Sweeps up and down the ranks, sorting each by the barycenter of its links into the rank just swept,
    /// then transposing neighbours while that removes crossings; keeps the order with the fewest crossings.
    private mutating func reduceCrossings() {
        var best = order, fewest = crossings
        for sweep in 0..<Self.sweeps where fewest > 0 {
            let upwards = sweep % 2 == 0
            let ranks = upwards ? Array(order.indices.dropFirst()) : Array(order.indices.dropLast().reversed())
            for rank in ranks {
                sortByBarycenter(rank, neighbours: upwards ? below : above)
            }
            transpose()
            let count = crossings
            if count < fewest { (best, fewest) = (order, count) }
        }
        order = best
    }

    /// Sorts `rank` by the mean position of each box's `neighbours`; a box without any keeps its place.
    private mutating func sortByBarycenter(_ rank: Int, neighbours: [[Int]]) {
        let positions = positions
        let members = order[rank]
        let keys = members.map { box -> Double? in
            let linked = neighbours[box]
            guard !linked.isEmpty else { return nil }
            return Double(linked.reduce(0) { $0 + positions[$1] }) / Double(linked.count)
        }
        let keyed = members.indices.filter { keys[$0] != nil }
        let sorted = keyed.sorted { (keys[$0] ?? 0, $0) < (keys[$1] ?? 0, $1) }.map { members[$0] }
        var result = members
        for (slot, box) in zip(keyed, sorted) { result[slot] = box }
        order[rank] = result
    }

    /// Swaps neighbouring boxes of a rank while that lowers the crossings of their links, as dot does after each sweep.
    private mutating func transpose() {
        var improved = true
        var rounds = 0
        while improved && rounds < boxes.count {
            improved = false
            rounds += 1
            for rank in order.indices where order[rank].count > 1 {
                for position in 0..<(order[rank].count - 1) {
                    let (left, right) = (order[rank][position], order[rank][position + 1])
                    let positions = positions
                    let now = pairCrossings(left, right, positions), swapped = pairCrossings(right, left, positions)
                    if swapped < now {
                        order[rank].swapAt(position, position + 1)
                        improved = true
                    }
                }
            }
        }
    }

    /// The crossings among the links of `left` and `right` when `left` stands before `right`.
    private func pairCrossings(_ left: Int, _ right: Int, _ positions: [Int]) -> Int {
        var count = 0
        for neighbours in [above, below] {
            for p in neighbours[left] { for q in neighbours[right] where positions[p] > positions[q] { count += 1 } }
        }
        return count
    }

    /// The crossings of the links between `rank` and the rank above it.
    private func crossings(between rank: Int, positions: [Int]) -> Int {
        let links = order[rank].flatMap { lower in above[lower].map { (positions[lower], positions[$0]) } }
        var count = 0
        for (index, first) in links.enumerated() {
            for second in links[(index + 1)...] where (first.0 - second.0) * (first.1 - second.1) < 0 { count += 1 }
        }
        return count
    }

    // MARK: - Coordinates

    /// Places each rank packed, then sweeps moving every box towards the mean x of its links, each rank
    /// placed as close to those wishes as its boxes' widths allow (a weighted isotonic regression).
    private mutating func assignCoordinates() {
        for rank in order {
            var right = 0.0
            for (position, box) in rank.enumerated() {
                x[box] = position == 0 ? 0 : right + separation(rank[position - 1], box)
                right = x[box]
            }
        }
        for sweep in 0..<Self.placementSweeps {
            let last = sweep == Self.placementSweeps - 1
            let upwards = sweep % 2 == 0
            let ranks = upwards ? Array(order.indices) : Array(order.indices.reversed())
            let (above, below) = (above, below)
            for rank in ranks {
                place(rank) { box in last ? above[box] + below[box] : upwards ? below[box] : above[box] }
            }
        }
        let left = boxes.indices.map { x[$0] - boxes[$0].left }.min() ?? 0
        x = x.map { $0 - left }
    }

    /// The least distance between the x of `left` and of `right` beside it.
    private func separation(_ left: Int, _ right: Int) -> Double {
        boxes[left].right + Self.gap + boxes[right].left
    }

    /// Moves the boxes of `rank` as near the mean x of `neighbours` as the separations allow: x_{i+1} − x_i ≥ s_i,
    /// minimising Σ w_i (x_i − wish_i)², solved by pooling adjacent violators on x_i − Σ_{j<i} s_j.
    private mutating func place(_ rank: Int, neighbours: (Int) -> [Int]) {
        let members = order[rank]
        guard !members.isEmpty else { return }
        var offsets = [0.0]
        for position in members.indices.dropFirst() {
            offsets.append(offsets[position - 1] + separation(members[position - 1], members[position]))
        }
        // Blocks of pooled boxes: their weighted mean target, total weight and size.
        var blocks: [(mean: Double, weight: Double, count: Int)] = []
        for (position, box) in members.enumerated() {
            let linked = neighbours(box)
            let wish = linked.isEmpty ? x[box] : linked.reduce(0) { $0 + x[$1] } / Double(linked.count)
            // Lines are kept straighter than boxes are kept centred, as dot weights virtual chains.
            let weight = linked.isEmpty ? 0.01 : (boxes[box].isVirtual ? 4.0 : 1.0)
            blocks.append((wish - offsets[position], weight, 1))
            while blocks.count > 1, blocks[blocks.count - 2].mean > blocks[blocks.count - 1].mean {
                let last = blocks.removeLast(), previous = blocks.removeLast()
                let weight = last.weight + previous.weight
                blocks.append(((last.mean * last.weight + previous.mean * previous.weight) / weight, weight, last.count + previous.count))
            }
        }
        var position = 0
        for block in blocks {
            for _ in 0..<block.count {
                x[members[position]] = block.mean + offsets[position]
                position += 1
            }
        }
    }

    // MARK: - Ranks

    /// Stacks the ranks' bands `gap` apart, the top rank's band starting at y = 0.
    private mutating func stackRanks(gap: Double) {
        rankHeight = order.map { rank in rank.map { boxes[$0].height }.max() ?? 0 }
        rankMiddle = Array(repeating: 0, count: order.count)
        var top = 0.0
        for rank in order.indices.reversed() {
            rankMiddle[rank] = top + rankHeight[rank] / 2
            top += rankHeight[rank] + gap
        }
    }

    /// The top of `rank`'s band.
    func top(of rank: Int) -> Double { rankMiddle[rank] - rankHeight[rank] / 2 }
    /// The bottom of `rank`'s band.
    func bottom(of rank: Int) -> Double { rankMiddle[rank] + rankHeight[rank] / 2 }
}
