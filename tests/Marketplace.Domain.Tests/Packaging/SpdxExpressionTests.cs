using Marketplace.Domain.Packaging;

namespace Marketplace.Domain.Tests.Packaging;

public class SpdxExpressionTests
{
    [Theory]
    [InlineData("MIT")]
    [InlineData("mit")]
    [InlineData("Apache-2.0 OR MIT")]
    [InlineData("(MIT AND BSD-3-Clause) OR Apache-2.0")]
    [InlineData("MIT AND (Apache-2.0 OR BSD-2-Clause)")]
    [InlineData("GPL-2.0-or-later WITH Classpath-exception-2.0")]
    [InlineData("Apache-2.0+")]
    [InlineData("LicenseRef-Contoso-EULA")]
    [InlineData("DocumentRef-spdx-doc:LicenseRef-Custom.1")]
    [InlineData("LicenseRef-Proprietary OR MIT")]
    [InlineData("((MIT))")]
    public void Validate_WellFormedExpression_Null(string expression)
    {
        Assert.Null(SpdxExpression.Validate(expression));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("MIT2")]
    [InlineData("MIT AND")]
    [InlineData("AND MIT")]
    [InlineData("MIT OR OR Apache-2.0")]
    [InlineData("(MIT")]
    [InlineData("MIT)")]
    [InlineData("()")]
    [InlineData("MIT Apache-2.0")]
    [InlineData("mit or apache-2.0")]
    [InlineData("GPL-2.0-only WITH Made-up-exception")]
    [InlineData("GPL-2.0-only WITH")]
    [InlineData("(MIT OR Apache-2.0) WITH LLVM-exception")]
    [InlineData("LicenseRef-")]
    [InlineData("LicenseRef-bad name")]
    public void Validate_MalformedExpression_Reason(string expression)
    {
        Assert.NotNull(SpdxExpression.Validate(expression));
    }

    [Fact]
    public void Validate_DeepNesting_Reason()
    {
        var expression = new string('(', 100) + "MIT" + new string(')', 100);

        Assert.NotNull(SpdxExpression.Validate(expression));
    }
}
