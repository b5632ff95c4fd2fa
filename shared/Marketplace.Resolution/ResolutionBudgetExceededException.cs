namespace Marketplace.Resolution;

/// <summary>The resolver used up its step budget before reaching an answer (a pathological problem).</summary>
public sealed class ResolutionBudgetExceededException : Exception
{
    /// <summary>Creates the exception for a budget of <paramref name="maxSteps"/> steps.</summary>
    public ResolutionBudgetExceededException(int maxSteps)
        : base($"Dependency resolution gave up after {maxSteps} steps without reaching an answer; the problem is too large or pathological.")
    {
        MaxSteps = maxSteps;
    }

    /// <summary>Creates the exception with no message.</summary>
    public ResolutionBudgetExceededException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ResolutionBudgetExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping <paramref name="innerException"/>.</summary>
    public ResolutionBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The budget that was exceeded (decisions plus conflict-resolution steps).</summary>
    public int MaxSteps { get; }
}
