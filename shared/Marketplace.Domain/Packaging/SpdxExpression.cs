using System.Text.RegularExpressions;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// Validates SPDX licence expressions (SPDX 2.3 annex D): ids from <see cref="SpdxLicenseList"/>
/// with an optional <c>+</c>, <c>LicenseRef-*</c> and <c>DocumentRef-*:LicenseRef-*</c>, the operators
/// <c>WITH</c>, <c>AND</c>, <c>OR</c> (upper case; AND binds tighter than OR) and parentheses.
/// </summary>
public static partial class SpdxExpression
{
    private const int MaxLength = 512;

    /// <summary>Checks an expression; returns <see langword="null"/> when valid, or why it is not.</summary>
    public static string? Validate(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return "The licence expression is empty.";
        }

        if (expression.Length > MaxLength)
        {
            return $"The licence expression is longer than {MaxLength} characters.";
        }

        var parser = new Parser(Tokenize(expression));
        return parser.ParseAll();
    }

    private static List<string> Tokenize(string expression) =>
        [.. TokenPattern().Matches(expression).Select(m => m.Value)];

    [GeneratedRegex(@"[()]|[^\s()]+", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^(DocumentRef-[A-Za-z0-9.\-]+:)?LicenseRef-[A-Za-z0-9.\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LicenseRefPattern();

    private sealed class Parser(List<string> tokens)
    {
        private const int MaxNesting = 32;
        private int _next;
        private int _depth;

        public string? ParseAll()
        {
            var error = ParseOr();
            return error ?? (_next < tokens.Count ? $"Unexpected '{tokens[_next]}'." : null);
        }

        private string? ParseOr() => ParseChain("OR", ParseAnd);

        private string? ParseAnd() => ParseChain("AND", ParseWith);

        private string? ParseChain(string op, Func<string?> operand)
        {
            var error = operand();
            while (error is null && Peek() == op)
            {
                _next++;
                error = operand();
            }

            return error;
        }

        private string? ParseWith()
        {
            var grouped = Peek() == "(";
            var error = ParsePrimary();
            if (error is not null || Peek() != "WITH")
            {
                return error;
            }

            if (grouped)
            {
                return "WITH applies to a single licence, not to a parenthesised expression.";
            }

            _next++;
            var exception = Take();
            return exception is not null && SpdxLicenseList.Exceptions.Contains(exception)
                ? null
                : $"'{exception ?? "end of expression"}' is not a known SPDX licence exception.";
        }

        private string? ParsePrimary()
        {
            var token = Take();
            switch (token)
            {
                case null:
                    return "The licence expression ends where a licence is expected.";
                case "(":
                    if (++_depth > MaxNesting)
                    {
                        return "The licence expression nests too deeply.";
                    }

                    var error = ParseOr();
                    _depth--;
                    return error ?? (Take() == ")" ? null : "A '(' has no matching ')'.");
                case ")" or "AND" or "OR" or "WITH":
                    return $"Unexpected '{token}' where a licence is expected.";
            }

            if (LicenseRefPattern().IsMatch(token))
            {
                return null;
            }

            var id = token.EndsWith('+') ? token[..^1] : token;
            return SpdxLicenseList.Licenses.Contains(id)
                ? null
                : $"'{token}' is not a known SPDX licence id; use LicenseRef-<name> for other licences.";
        }

        private string? Peek() => _next < tokens.Count ? tokens[_next] : null;

        private string? Take() => _next < tokens.Count ? tokens[_next++] : null;
    }
}
