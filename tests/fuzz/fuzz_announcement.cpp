// libFuzzer harness for the LAN announcement codec (reach/roomannouncement): any datagram on UDP
// 8766 reaches it. Whatever decodes must encode to a datagram that decodes to the same value.
#include "roomannouncement.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView datagram(reinterpret_cast<const char *>(data), qsizetype(size));
    RoomAnnouncement::DecodeError error = RoomAnnouncement::DecodeError::None;
    const auto first = RoomAnnouncement::decode(datagram, &error);
    if (bool(first) != (error == RoomAnnouncement::DecodeError::None))
        std::abort();
    if (!first)
        return 0;
    const QByteArray encoded = first->encode();
    const auto second = RoomAnnouncement::decode(encoded);
    if (!second || !(*second == *first) || second->encode() != encoded)
        std::abort();
    return 0;
}
