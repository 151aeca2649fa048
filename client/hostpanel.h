#pragma once

#include <QImage>
#include <QList>
#include <QStringList>
#include <QUrl>
#include <QWidget>

#include "hostedaddress.h"

class QLabel;
class QVBoxLayout;

// Shown while you host and are in your own room: the addresses guests can open (each with a copy
// button), the join card (QR code) and short notes on whether others can reach this computer.
class HostPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit HostPanel(QWidget *parent = nullptr);

    void setAddresses(const QList<HostedAddress> &addresses);
    void setJoinCard(const QImage &qr, const QUrl &url); // a null image: the empty state
    void setReachabilityNotes(const QStringList &notes);
    // Where the hosted room's history goes, in a sentence; `problem`: shown as a warning.
    void setHistoryNote(const QString &text, bool problem);

Q_SIGNALS:
    void addressCopied(const QUrl &url);

private:
    QVBoxLayout *m_addressRows = nullptr;
    QLabel *m_noAddresses = nullptr;
    QLabel *m_cardImage = nullptr;
    QLabel *m_cardUrl = nullptr;
    QLabel *m_cardEmpty = nullptr;
    QLabel *m_notesTitle = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_historyNote = nullptr;
};
