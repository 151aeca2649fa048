#pragma once

#include <QString>

namespace Protocol {

// `bytes` random bytes from the operating system's generator, as 2 × bytes lower-case hex digits:
// the hub's instance id and resume tokens, a client's message-id prefix. One implementation for
// hub and client.
QString randomHex(int bytes);

} // namespace Protocol
