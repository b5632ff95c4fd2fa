namespace Marketplace.Infrastructure;
/// <summary>Assembly marker.</summary>
public static class AssemblyMarker;
