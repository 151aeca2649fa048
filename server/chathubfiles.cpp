// ChatHub's files (docs/PROTOCOL.md, "Files and pictures"): the upload slots a joined person asks
// for, and the file messages of complete uploads. The files themselves are FileDesk's; their bytes
// never pass through this thread.
#include "chathub.h"

#include "filedesk.h"
#include "frontdoor.h"
#include "logging.h"

using namespace Qt::StringLiterals;
using Protocol::Message;
namespace ErrorCode = Protocol::ErrorCode;

// Files live beside the room's history (`<room file>.files/`), or in a temporary folder when the
// room keeps nothing on disk.
void ChatHub::openFiles()
{
    if (!m_config.filesEnabled)
        return;
    m_files = new FileDesk(m_config, this);
    const QString folder = m_room->storeState() == Room::StoreState::Persistent
            ? m_room->storePath() + u".files"_s
            : QString();
    if (!m_files->open(folder, m_room->storedFiles())) {
        delete m_files;
        m_files = nullptr;
        return;
    }
    m_room->setFileLimits(m_files->limits());
    connect(m_files, &FileDesk::fileReady, this, &ChatHub::postFile);
    connect(m_files, &FileDesk::uploadRefused, this,
            [this](const QString &from, const QString &id, QStringView code, const QString &text) {
                Message error = Protocol::error(code, text);
                error.id = id;
                const QByteArray frame = WsFrame::text(Protocol::encode(error));
                for (size_t i = 0; i < m_peers.size(); ++i) {
                    if (m_peers[i]->name == from)
                        deliver(m_peers[i].get(), frame);
                }
            });
    connect(m_room, &Room::filesExpired, m_files, &FileDesk::removeFiles);
}

void ChatHub::handleUpload(Peer *peer, const Message &message)
{
    const QString id = message.id.left(Protocol::MaxIdLength);
    if (peer->name.isEmpty()) {
        sendError(peer, ErrorCode::NotJoined, u"Join the room before sending files."_s, id);
        return;
    }
    if (!m_files) {
        sendError(peer, ErrorCode::FilesOff, u"The host does not take files in this room."_s, id);
        return;
    }
    // A private file: its two readers are decided now, by their person keys.
    const Room::Parties parties = m_room->parties(peer->id, message.to);
    if (parties.refusal) {
        refuse(peer, *parties.refusal, id);
        return;
    }
    const FileDesk::Grant grant = m_files->requestSlot(message, peer->name, parties.to,
                                                       parties.senderKey, parties.recipientKey);
    if (grant.refusal)
        sendError(peer, grant.refusal->code, grant.refusal->text, id);
    else
        sendTo(peer, grant.answer);
}

// A complete file becomes a numbered message, for everyone who sees the room (a private one: for
// the connections of its two people).
void ChatHub::postFile(const Message &file, const QByteArray &senderKey,
                       const QByteArray &recipientKey)
{
    const Room::Answer posted = m_room->postFile(file, senderKey, recipientKey);
    const QByteArray frame = WsFrame::text(posted.json);
    for (size_t i = 0; i < m_peers.size(); ++i) {
        Peer *peer = m_peers[i].get();
        const bool reads = recipientKey.isEmpty()
                ? seesTheRoom(peer)
                : !peer->name.isEmpty() && m_room->mayRead(peer->id, senderKey, recipientKey);
        if (reads)
            deliver(peer, frame);
    }
}
