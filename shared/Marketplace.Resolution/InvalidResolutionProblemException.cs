namespace Marketplace.Resolution;

/// <summary>The problem cannot be solved as stated: a version or range in it is not valid.</summary>
public sealed class InvalidResolutionProblemException : Exception
{
    /// <summary>Creates the exception with a message naming the asset and the bad value.</summary>
    public InvalidResolutionProblemException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public InvalidResolutionProblemException()
    {
    }

    /// <summary>Creates the exception wrapping <paramref name="innerException"/>.</summary>
    public InvalidResolutionProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
