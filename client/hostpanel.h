#pragma once

#include <QImage>
#include <QList>
#include <QStringList>
#include <QUrl>
#include <QWidget>

#include "hostedaddress.h"

class QLabel;
class QToolButton;
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
    // Writes the join card as a PNG (each QR module several pixels wide, so it prints sharp).
    bool saveJoinCard(const QString &path) const;
    void chooseWhereToSaveJoinCard(); // "Save QR as PNG…": asks for a file name
    // Narrow windows: the join card folds away (the addresses stay).
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }
    QList<QWidget *> focusChain() const; // top to bottom, as on screen
    // Where the hosted room's history goes, in a sentence; `problem`: shown as a warning.
    void setHistoryNote(const QString &text, bool problem);

Q_SIGNALS:
    void addressCopied(const QUrl &url);
    void focusChainChanged(); // the address rows changed

private:
    void updateCardVisibility();

    QVBoxLayout *m_addressRows = nullptr;
    QLabel *m_noAddresses = nullptr;
    QLabel *m_cardImage = nullptr;
    QLabel *m_cardUrl = nullptr;
    QLabel *m_cardEmpty = nullptr;
    QToolButton *m_saveCard = nullptr;
    QLabel *m_saveResult = nullptr;
    QImage m_card;
    QUrl m_cardLink;
    QList<QWidget *> m_addressChain; // field, copy button, field, …
    bool m_compact = false;
    QLabel *m_notesTitle = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_historyNote = nullptr;
};
