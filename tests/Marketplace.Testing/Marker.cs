namespace Marketplace.Testing;
/// <summary>marker</summary>
public static class Marker;
