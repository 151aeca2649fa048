#pragma once

#include <QString>

// The room's rules for people's names, in one place (used by Room only): what a name may be, when
// two names are the same person's, and how a clash suffix is added.
namespace NameRules {

// The name as shown: NFC, trimmed, each run of white space one space. Empty when refused: longer
// than Protocol::MaxNameLength, a control or format character (zero-width joiners and spaces, the
// BOM, bidi controls), a lone surrogate, or nothing visible in it (U+3164, U+2800, …).
QString displayForm(const QString &raw);

// Two names clash when their keys are equal: compatibility-normalised (NFKC: full-width letters,
// ligatures, non-breaking spaces), case-folded, look-alike letters folded to Latin (Cyrillic а,
// Greek ο, 0/o, 1/l, a compact table after Unicode TR39's confusables), variation selectors
// dropped.
QString clashKey(const QString &name);

// name shortened so that suffix fits into Protocol::MaxNameLength; a surrogate pair is never cut.
QString withSuffix(const QString &name, const QString &suffix);

} // namespace NameRules
