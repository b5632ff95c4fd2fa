namespace Marketplace.Resolution.Solving;

/// <summary>Why an incompatibility holds; the explanation is written from these.</summary>
internal abstract record IncompatibilityCause;

/// <summary>The root must be selected.</summary>
internal sealed record RootCause : IncompatibilityCause;

/// <summary>
/// A run of versions of one package that share a requirement: a dependency ("depends on"), a
/// conflict ("conflicts with") or, from the root, an installed pin.
/// </summary>
internal sealed record RequirementCause(Requirement Requirement) : IncompatibilityCause;

/// <summary>A package version that requires or excludes its own package at a range that misses it.</summary>
internal sealed record SelfRequirementCause(Requirement Requirement) : IncompatibilityCause;

/// <summary>No known version of the package lies in the term's set; <paramref name="PackageExists"/> is false when the package is unknown.</summary>
internal sealed record NoVersionsCause(bool PackageExists) : IncompatibilityCause;

/// <summary>Learned by resolving <paramref name="Conflict"/> against the cause of its satisfier, <paramref name="Other"/>.</summary>
internal sealed record DerivedCause(Incompatibility Conflict, Incompatibility Other) : IncompatibilityCause;
