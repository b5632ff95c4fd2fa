namespace Marketplace.Infra.Tests;

/// <summary>Assertions that name every offender at once, so one run shows the whole list to fix.</summary>
internal static class Expect
{
    public static void None<T>(IEnumerable<T> offenders, string what)
    {
        var list = offenders.ToList();
        Assert.True(list.Count == 0, $"{what}: {string.Join(", ", list)}");
    }
}
