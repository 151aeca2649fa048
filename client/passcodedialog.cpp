#include "passcodedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "chatformat.h"
#include "protocolnames.h"

using namespace Qt::StringLiterals;

PasscodeDialog::PasscodeDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"passcodeDialog"_s);
    setWindowTitle(tr("Room Passcode"));
    auto *layout = new QVBoxLayout(this);

    m_question = new QLabel(this);
    m_question->setObjectName(u"passcodeQuestion"_s);
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText);
    m_field = new QLineEdit(this);
    m_field->setObjectName(u"passcodeField"_s);
    m_field->setEchoMode(QLineEdit::Password);
    m_field->setAccessibleName(tr("Passcode"));
    m_question->setBuddy(m_field);
    m_error = new QLabel(this);
    m_error->setObjectName(u"passcodeError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setVisible(false);
    QPalette warning = m_error->palette();
    warning.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_error->setPalette(warning);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_enter = buttons->addButton(tr("&Enter Room"), QDialogButtonBox::AcceptRole);
    m_enter->setObjectName(u"enterButton"_s);
    m_enter->setDefault(true);
    m_enter->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);

    layout->addWidget(m_question);
    layout->addWidget(m_field);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &PasscodeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PasscodeDialog::reject);
    connect(m_field, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_enter->setEnabled(!text.isEmpty()); });
    setRoom({});
    resize(360, sizeHint().height());
}

void PasscodeDialog::setRoom(const QString &room)
{
    m_question->setText(room.isEmpty()
                                ? tr("This room asks for a passcode:")
                                : tr("%1 asks for a passcode:").arg(ChatFormat::isolate(room)));
}

void PasscodeDialog::setRefusal(const QString &code)
{
    m_refusal = code;
    m_error->setText(errorText());
    m_error->setVisible(!m_error->text().isEmpty());
    m_field->clear();
    m_field->setFocus(Qt::OtherFocusReason);
}

QString PasscodeDialog::errorText() const
{
    using namespace Protocol::ErrorCode;
    if (m_refusal == WrongPasscode)
        return tr("That passcode is not right. Try again.");
    if (m_refusal == TooManyTries)
        return tr("Too many wrong tries from this computer. Wait a minute, then try again.");
    if (m_refusal == Locked)
        return tr("The host has locked the room: nobody new can join now.");
    if (m_refusal == WrongHostToken)
        return tr("The host link is not valid for this room.");
    return {};
}

void PasscodeDialog::accept()
{
    if (m_field->text().isEmpty())
        return;
    const QString passcode = m_field->text();
    m_error->setVisible(false);
    m_enter->setEnabled(false); // until the room answers (setRefusal) or the window closes us
    Q_EMIT passcodeEntered(passcode);
}
