#pragma once

#include <QStringView>

#include <array>

// The protocol's words (docs/PROTOCOL.md), each kind in one table: the hub and the clients use
// these names, never string literals, and tst_protocol checks each table against the document.
namespace Protocol {

// `error.code`
namespace ErrorCode {
inline constexpr QStringView BadMessage = u"bad_message";
inline constexpr QStringView UnknownType = u"unknown_type";
inline constexpr QStringView BadName = u"bad_name";
inline constexpr QStringView AlreadyJoined = u"already_joined";
inline constexpr QStringView NotJoined = u"not_joined";
inline constexpr QStringView Empty = u"empty";
inline constexpr QStringView TooLong = u"too_long";
inline constexpr QStringView RateLimited = u"rate_limited";
inline constexpr QStringView BadQuery = u"bad_query";
inline constexpr QStringView PasscodeRequired = u"passcode_required";
inline constexpr QStringView WrongPasscode = u"wrong_passcode";
inline constexpr QStringView TooManyTries = u"too_many_tries";
inline constexpr QStringView WrongHostToken = u"wrong_host_token";
inline constexpr QStringView NotHost = u"not_host";
inline constexpr QStringView NoSuchPerson = u"no_such_person";
inline constexpr QStringView NotAllowed = u"not_allowed";
inline constexpr QStringView Locked = u"locked";
inline constexpr QStringView FilesOff = u"files_off";
inline constexpr QStringView FileTooBig = u"file_too_big";
inline constexpr QStringView FileType = u"file_type";
inline constexpr QStringView QuotaFull = u"quota_full";
inline constexpr QStringView DiskFull = u"disk_full";
} // namespace ErrorCode
inline constexpr std::array<QStringView, 22> errorCodes{
        ErrorCode::BadMessage,       ErrorCode::UnknownType,   ErrorCode::BadName,
        ErrorCode::AlreadyJoined,    ErrorCode::NotJoined,     ErrorCode::Empty,
        ErrorCode::TooLong,          ErrorCode::RateLimited,   ErrorCode::BadQuery,
        ErrorCode::PasscodeRequired, ErrorCode::WrongPasscode, ErrorCode::TooManyTries,
        ErrorCode::WrongHostToken,   ErrorCode::NotHost,       ErrorCode::NoSuchPerson,
        ErrorCode::NotAllowed,       ErrorCode::Locked,        ErrorCode::FilesOff,
        ErrorCode::FileTooBig,       ErrorCode::FileType,      ErrorCode::QuotaFull,
        ErrorCode::DiskFull,
};

// `left.reason`
namespace LeaveReason {
inline constexpr QStringView Quit = u"quit";
inline constexpr QStringView Lost = u"lost";
inline constexpr QStringView Timeout = u"timeout";
inline constexpr QStringView Slow = u"slow";
inline constexpr QStringView Flood = u"flood";
inline constexpr QStringView Error = u"error";
inline constexpr QStringView Replaced = u"replaced";
inline constexpr QStringView Shutdown = u"shutdown";
inline constexpr QStringView Kicked = u"kicked";
inline constexpr QStringView Banned = u"banned";
} // namespace LeaveReason
inline constexpr std::array<QStringView, 10> leaveReasons{
        LeaveReason::Quit,   LeaveReason::Lost,   LeaveReason::Timeout,  LeaveReason::Slow,
        LeaveReason::Flood,  LeaveReason::Error,  LeaveReason::Replaced, LeaveReason::Shutdown,
        LeaveReason::Kicked, LeaveReason::Banned,
};

// `moderation.action`
namespace ModerationAction {
inline constexpr QStringView Kick = u"kick";
inline constexpr QStringView Ban = u"ban";
inline constexpr QStringView Unban = u"unban";
inline constexpr QStringView Lock = u"lock";
inline constexpr QStringView Unlock = u"unlock";
inline constexpr QStringView PasscodeSet = u"passcode_set";
inline constexpr QStringView PasscodeRemoved = u"passcode_removed";
} // namespace ModerationAction
inline constexpr std::array<QStringView, 7> moderationActions{
        ModerationAction::Kick,
        ModerationAction::Ban,
        ModerationAction::Unban,
        ModerationAction::Lock,
        ModerationAction::Unlock,
        ModerationAction::PasscodeSet,
        ModerationAction::PasscodeRemoved,
};

// WebSocket close codes the hub sends or expects.
namespace CloseCode {
inline constexpr int Normal = 1000;
inline constexpr int GoingAway = 1001; // the host ended the room
inline constexpr int ProtocolError = 1002;
inline constexpr int UnsupportedData = 1003; // a binary frame
inline constexpr int NoStatus = 1005; // a close frame without a code (never sent)
inline constexpr int InvalidText = 1007; // not UTF-8
inline constexpr int Policy = 1008; // stopped reading, or kept flooding
inline constexpr int TooBig = 1009;
inline constexpr int TryAgainLater = 1013; // the room filled up during the handshake
inline constexpr int Replaced = 4000; // a newer connection of the same person took over
inline constexpr int Kicked = 4001; // removed by the host; may come back after 10 minutes
inline constexpr int Banned = 4002; // banned by the host for the rest of the room's run
} // namespace CloseCode
// The codes a hub sends (1005 is only ever received).
inline constexpr std::array<int, 11> closeCodes{
        CloseCode::Normal,          CloseCode::GoingAway,     CloseCode::ProtocolError,
        CloseCode::UnsupportedData, CloseCode::InvalidText,   CloseCode::Policy,
        CloseCode::TooBig,          CloseCode::TryAgainLater, CloseCode::Replaced,
        CloseCode::Kicked,          CloseCode::Banned,
};

} // namespace Protocol
