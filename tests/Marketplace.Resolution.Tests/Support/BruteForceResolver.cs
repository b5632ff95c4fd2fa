namespace Marketplace.Resolution.Tests.Support;

/// <summary>Tries every assignment (each asset: absent or one of its versions) of a small problem.</summary>
public static class BruteForceResolver
{
    public static bool IsSolvable(ResolutionProblem problem)
    {
        var ids = problem.Registry.Keys.Union(problem.Installed.Keys).Order(StringComparer.Ordinal).ToArray();
        var choices = ids.Select(id => Choices(problem, id)).ToArray();
        var assignment = new Dictionary<string, string>(StringComparer.Ordinal);
        return Search(0);

        bool Search(int index)
        {
            if (index == ids.Length) return SolutionChecker.FindViolation(problem, assignment) is null;
            foreach (var choice in choices[index])
            {
                if (choice is null) assignment.Remove(ids[index]);
                else assignment[ids[index]] = choice;
                if (Search(index + 1)) return true;
            }

            assignment.Remove(ids[index]);
            return false;
        }
    }

    private static List<string?> Choices(ResolutionProblem problem, string id)
    {
        if (problem.Installed.TryGetValue(id, out var installed)) return [installed];
        var choices = new List<string?> { null };
        if (problem.Registry.TryGetValue(id, out var versions)) choices.AddRange(versions.Keys);
        return choices;
    }
}
