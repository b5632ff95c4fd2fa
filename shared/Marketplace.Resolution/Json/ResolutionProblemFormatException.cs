namespace Marketplace.Resolution.Json;

/// <summary>A problem file is malformed; the message says where (a JSON path) and what is wrong.</summary>
public sealed class ResolutionProblemFormatException : Exception
{
    /// <summary>Creates the exception with a message naming the place and the fault.</summary>
    public ResolutionProblemFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public ResolutionProblemFormatException()
    {
    }

    /// <summary>Creates the exception wrapping <paramref name="innerException"/>.</summary>
    public ResolutionProblemFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
