/// The version of derive and its library, printed by `derive --version`, in the JSON output and in the
/// handouts' provenance line.
public enum DeriveVersion {
    /// The version, in semantic-versioning form.
    public static let current = "0.7.0"
}
