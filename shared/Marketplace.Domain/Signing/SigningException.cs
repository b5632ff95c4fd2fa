namespace Marketplace.Domain.Signing;

/// <summary>A signing key store failed or has no key for the publisher.</summary>
public sealed class SigningException : Exception
{
    /// <summary>The <see cref="ErrorCode"/> used when the publisher has no signing key (Key Vault's own code).</summary>
    public const string KeyNotFoundCode = "KeyNotFound";

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed.</param>
    public SigningException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the failure that caused it.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The underlying failure.</param>
    public SigningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance with the key store's status and error code.</summary>
    /// <param name="message">What failed, including the key store's own message.</param>
    /// <param name="status">The HTTP status the key store answered with, or 0 when there was no HTTP exchange.</param>
    /// <param name="errorCode">The key store's error code (for example <c>KeyNotFound</c> or <c>Forbidden</c>), if any.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public SigningException(string message, int status, string? errorCode, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>Gets the HTTP status the key store answered with, or 0 when there was no HTTP exchange.</summary>
    public int Status { get; }

    /// <summary>Gets the key store's error code, or <see langword="null"/> when it gave none.</summary>
    public string? ErrorCode { get; }

    /// <summary>Creates the exception thrown when a publisher has no signing key.</summary>
    /// <param name="publisherId">The publisher id.</param>
    /// <returns>An exception with status 404 and <see cref="KeyNotFoundCode"/>.</returns>
    public static SigningException KeyNotFound(string publisherId) =>
        new($"Publisher '{publisherId}' has no signing key; call EnsureKeyAsync first.", 404, KeyNotFoundCode);
}
