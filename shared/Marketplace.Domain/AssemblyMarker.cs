namespace Marketplace.Domain;
/// <summary>Assembly marker.</summary>
public static class AssemblyMarker;
