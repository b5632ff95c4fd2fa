namespace Marketplace.Cli;

/// <summary>Where commands write: results to <see cref="Out"/>, diagnostics to <see cref="Error"/>.</summary>
/// <param name="Out">Standard output; carries only the command's result document.</param>
/// <param name="Error">Standard error; carries messages for people.</param>
public sealed record CliOutput(TextWriter Out, TextWriter Error);
