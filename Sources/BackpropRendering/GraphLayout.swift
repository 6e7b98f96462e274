import BackpropKit

/// Where each node of a computational graph is drawn, in rows from the bottom: every operation one row above
/// its highest operand, every input just below the first node that uses it, and each row ordered so that
/// edges stay short (an operation above the middle of its operands, an input beside the other operands of
/// the node it feeds, on the side it is written).
struct GraphLayout {
    /// The rows from the bottom, each with its nodes from left to right.
    let rows: [[Int]]
    /// The horizontal position of each node, in node spacings from the centre line.
    let x: [Double]
    /// The row of each node.
    let row: [Int]

    /// The layout of `graph`.
    init(graph: ComputationGraph) {
        var row = Array(repeating: 0, count: graph.nodes.count)
        var consumers = Array(repeating: [Int](), count: graph.nodes.count)
        for node in graph.nodes.indices {
            row[node] = graph.nodes[node].operands.map { row[$0] + 1 }.max() ?? 0
            for operand in graph.nodes[node].operands where consumers[operand].last != node { consumers[operand].append(node) }
        }
        for input in graph.inputs {
            row[input] = max((consumers[input].map { row[$0] }.min() ?? 1) - 1, 0)
        }
        var rows = Array(repeating: [Int](), count: (row.max() ?? 0) + 1)
        for node in graph.nodes.indices { rows[row[node]].append(node) }

        var x = Array(repeating: 0.0, count: graph.nodes.count)
        var key = Array(repeating: 0.0, count: graph.nodes.count)
        for index in rows.indices {
            let members = rows[index]
            for (position, node) in members.enumerated() {
                let operands = graph.nodes[node].operands
                if !operands.isEmpty {
                    key[node] = operands.reduce(0) { $0 + x[$1] } / Double(operands.count)
                } else if index == 0 {
                    key[node] = Double(position)
                }
            }
            for node in members where graph.nodes[node].isInput && index > 0 {
                key[node] = Self.key(ofInput: node, in: graph, row: row, consumers: consumers[node]) { row[$0] == index ? key[$0] : x[$0] }
            }
            rows[index] = members.enumerated().sorted { (key[$0.element], $0.offset) < (key[$1.element], $1.offset) }.map(\.element)
            let count = rows[index].count
            for (position, node) in rows[index].enumerated() { x[node] = Double(position) - Double(count - 1) / 2 }
        }
        self.rows = rows
        self.x = x
        self.row = row
    }

    /// The number of nodes in the widest row.
    var width: Int { rows.map(\.count).max() ?? 0 }

    /// Where an input above the bottom row goes: half a place beside the other operands of the first node it
    /// feeds in the row above, left of them when it is written before them.
    /// - Parameter place: The position of a node of a lower row, or the key of an operation of the input's row.
    private static func key(ofInput input: Int, in graph: ComputationGraph, row: [Int], consumers: [Int], place: (Int) -> Double) -> Double {
        guard let consumer = consumers.first(where: { row[$0] == row[input] + 1 }) else { return 0 }
        let operands = graph.nodes[consumer].operands
        let others = operands.filter { $0 != input && row[$0] <= row[input] && !graph.nodes[$0].isInput }
        guard let first = others.first else { return 0 }
        let centre = others.reduce(0) { $0 + place($1) } / Double(others.count)
        let before = (operands.firstIndex(of: input) ?? 0) < (operands.firstIndex(of: first) ?? 0)
        return centre + (before ? -0.5 : 0.5)
    }
}
