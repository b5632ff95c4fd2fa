using Marketplace.Domain.Signing;
using Marketplace.Functions.Orchestrations.Publishing;
using Marketplace.Functions.Testing;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Publishing;

/// <summary>Signs the content hash with the publisher's current key (created on first use). Signing twice is harmless.</summary>
public sealed class SignPackage(IPackageSigner signer, StepFaults faults)
{
    /// <summary>Returns the ES256 signature and the key version.</summary>
    [Function(nameof(SignPackage))]
    public async Task<SignPackageOutput> RunAsync([ActivityTrigger] SignPackageInput input, CancellationToken cancellationToken)
    {
        faults.ThrowIfArmed(nameof(SignPackage), input.ContentHash);
        await signer.EnsureKeyAsync(input.PublisherId, cancellationToken);
        var signature = await signer.SignAsync(input.PublisherId, Convert.FromHexString(input.ContentHash), cancellationToken);
        return new SignPackageOutput(signature.SignatureBase64, signature.KeyId);
    }
}
