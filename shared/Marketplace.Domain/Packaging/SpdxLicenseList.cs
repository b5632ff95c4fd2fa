namespace Marketplace.Domain.Packaging;

/// <summary>
/// A compact built-in list of common SPDX licence and exception ids (case-insensitive, as SPDX
/// matches them). Anything else can be expressed with <c>LicenseRef-*</c>.
/// </summary>
internal static class SpdxLicenseList
{
    public static readonly IReadOnlySet<string> Licenses = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "0BSD", "AFL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later", "Apache-1.1", "Apache-2.0", "APSL-2.0",
        "Artistic-2.0", "BlueOak-1.0.0", "BSD-1-Clause", "BSD-2-Clause", "BSD-2-Clause-Patent", "BSD-3-Clause",
        "BSD-3-Clause-Clear", "BSD-4-Clause", "BSL-1.0", "BUSL-1.1", "CC-BY-3.0", "CC-BY-4.0", "CC-BY-NC-4.0",
        "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0", "CC0-1.0", "CDDL-1.0", "CDDL-1.1",
        "CECILL-2.1", "ECL-2.0", "EFL-2.0", "Elastic-2.0", "EPL-1.0", "EPL-2.0", "EUPL-1.1", "EUPL-1.2",
        "GFDL-1.3-only", "GFDL-1.3-or-later", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only",
        "GPL-3.0-or-later", "HPND", "ISC", "LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-2.1-only",
        "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later", "LPPL-1.3c", "MIT", "MIT-0", "MPL-1.1",
        "MPL-2.0", "MPL-2.0-no-copyleft-exception", "MS-PL", "MS-RL", "MulanPSL-2.0", "NCSA", "ODbL-1.0",
        "OFL-1.1", "OpenSSL", "OSL-3.0", "PHP-3.01", "PostgreSQL", "PSF-2.0", "Python-2.0", "Ruby", "SSPL-1.0",
        "Unicode-3.0", "Unicode-DFS-2016", "Unlicense", "UPL-1.0", "Vim", "W3C", "WTFPL", "X11", "Zlib", "ZPL-2.1",
    };

    public static readonly IReadOnlySet<string> Exceptions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Autoconf-exception-3.0", "Bison-exception-2.2", "Classpath-exception-2.0", "Font-exception-2.0",
        "GCC-exception-3.1", "LLVM-exception", "OpenJDK-assembly-exception-1.0", "Qt-GPL-exception-1.0",
        "Qt-LGPL-exception-1.1", "Swift-exception", "Universal-FOSS-exception-1.0", "WxWindows-exception-3.1",
        "Linux-syscall-note",
    };
}
