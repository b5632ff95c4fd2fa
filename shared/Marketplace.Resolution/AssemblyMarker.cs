namespace Marketplace.Resolution;
/// <summary>Assembly marker.</summary>
public static class AssemblyMarker;
