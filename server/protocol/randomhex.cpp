#include "randomhex.h"

#include <QByteArray>
#include <QRandomGenerator>

#include <algorithm>
#include <cstring>

namespace Protocol {

QString randomHex(int bytes)
{
    QByteArray raw(std::max(0, bytes), Qt::Uninitialized);
    for (qsizetype at = 0; at < raw.size(); at += 4) {
        const quint32 word = QRandomGenerator::system()->generate();
        std::memcpy(raw.data() + at, &word, size_t(std::min<qsizetype>(4, raw.size() - at)));
    }
    return QString::fromLatin1(raw.toHex());
}

} // namespace Protocol
