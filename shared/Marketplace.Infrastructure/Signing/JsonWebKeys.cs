using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Domain.Signing;

namespace Marketplace.Infrastructure.Signing;

/// <summary>Turns Key Vault's JSON Web Key of an EC P-256 key into a PEM SubjectPublicKeyInfo.</summary>
internal static class JsonWebKeys
{
    private const int CoordinateLength = 32;

    /// <summary>Converts the <c>key</c> object of a Key Vault key bundle (kty EC, crv P-256, x, y) to PEM.</summary>
    /// <param name="jwk">The JSON Web Key.</param>
    /// <returns>The PEM SubjectPublicKeyInfo.</returns>
    /// <exception cref="SigningException">The key is not an EC P-256 public key.</exception>
    public static string ToPublicKeyPem(JsonElement jwk)
    {
        var kty = GetString(jwk, "kty");
        var crv = GetString(jwk, "crv");
        if (kty is not ("EC" or "EC-HSM") || crv != "P-256")
        {
            throw new SigningException($"Key '{GetString(jwk, "kid")}' is {kty} {crv}; ES256 needs an EC P-256 key.");
        }

        try
        {
            var parameters = new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Coordinate(jwk, "x"), Y = Coordinate(jwk, "y") },
            };
            using var key = ECDsa.Create(parameters);
            return key.ExportSubjectPublicKeyInfoPem();
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            throw new SigningException($"Key '{GetString(jwk, "kid")}' has an invalid EC public key: {ex.Message}", ex);
        }
    }

    private static byte[] Coordinate(JsonElement jwk, string name)
    {
        var value = GetString(jwk, name) ?? throw new FormatException($"The JSON Web Key has no '{name}'.");
        var bytes = Base64Url.DecodeFromChars(value);
        if (bytes.Length > CoordinateLength)
        {
            throw new FormatException($"The JSON Web Key's '{name}' is {bytes.Length} bytes; P-256 coordinates are {CoordinateLength}.");
        }

        // A coordinate may arrive without its leading zero bytes; ECParameters needs fixed-length values.
        var padded = new byte[CoordinateLength];
        bytes.CopyTo(padded, CoordinateLength - bytes.Length);
        return padded;
    }

    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
