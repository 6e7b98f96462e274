import BackpropKit
import BackpropRendering

// The note's network: widths 2, 2, 2, 1, the sigmoid in every layer and the squared loss, with its
// weights, input and target drawn from seed 1 (the network `derive --layers 3` derives).
let blueprint = NetworkBlueprint(widths: [2, 2, 2, 1], activations: [.sigmoid, .sigmoid, .sigmoid], seed: 1)
let network = try blueprint.network()
let derivation = try Derivation(network: network)

// Each step of the output layer's weight derivatives as one line, ∂δ/∂f_{n,1} (the factor its weights share)
// first: symbol = general = concrete = numbers = value.
let text = MathPrinter(UnicodeMath(), notation: NoteNotation(depth: network.depth))
for section in derivation.sections where section.kind == .weightDerivatives(layer: network.depth) {
    for step in section.steps {
        let forms = ([step.symbol] + step.forms).map { text.string($0) }
        print(forms.joined(separator: " = "), "=", step.value)
    }
}

// The whole derivation as JSON: every step of every section, each form as LaTeX and as text.
var json = ""
JSONRenderer(shape: .steps).render(derivation, to: &json)
print(json, terminator: "")
